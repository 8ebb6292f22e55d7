using AIOps.RootCause.Incidents;

namespace AIOps.RootCause.Tests.Incidents;

public sealed class CallGraphPartsTests
{
    [Fact]
    public void Split_EdgesAmongTheCandidates_JoinOnlyThem()
    {
        // web -> api -> db form one part; cache is called by api, but api is not among the candidates of the second call.
        var web = Candidate("web", callees: ["api"]);
        var api = Candidate("api", callees: ["db", "cache"], callers: ["web"]);
        var db = Candidate("db", callers: ["api"]);
        var cache = Candidate("cache", callers: ["api"]);

        var all = CallGraphParts.Split([web, api, db, cache]);
        var withoutApi = CallGraphParts.Split([web, db, cache]);

        Assert.Equal(["web", "api", "cache", "db"], Assert.Single(all).Select(c => c.Entity));
        Assert.Equal([["web"], ["db"], ["cache"]], withoutApi.Select(p => p.Select(c => c.Entity).ToArray()));
    }

    private static CandidateFeatures Candidate(string entity, string[]? callees = null, string[]? callers = null) =>
        new(entity) { Callees = callees ?? [], Callers = callers ?? [] };
}
