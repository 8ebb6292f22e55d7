using AIOps.Core.Topology;
using AIOps.RootCause.Series;

namespace AIOps.RootCause.Tests.Series;

public sealed class CallGraphWalkTests
{
    private static DependencyGraph Graph()
    {
        // web -> api -> db, web -> search (healthy branch), api -> cache (healthy leaf).
        var graph = new DependencyGraph();
        graph.AddStatic("web", "api");
        graph.AddStatic("api", "db");
        graph.AddStatic("web", "search");
        graph.AddStatic("api", "cache");
        return graph;
    }

    [Fact]
    public void Rank_AnomalousChainWithHealthyCallees_PoolsAtDeepestAnomalousNode()
    {
        var anomaly = new Dictionary<string, double> { ["web"] = 1.0, ["api"] = 0.9, ["db"] = 0.8, ["search"] = 0.05, ["cache"] = 0.05 };

        var sut = CallGraphWalk.Rank(Graph(), anomaly, new SeriesRcaOptions());

        Assert.Equal(1.0, sut["db"], 6);
        Assert.True(sut["db"] > sut["web"]);
        Assert.True(sut["api"] > sut["cache"]);
    }

    [Fact]
    public void Rank_MiddleBrokenLeafHealthy_MiddleWins()
    {
        var anomaly = new Dictionary<string, double> { ["web"] = 1.0, ["api"] = 0.9, ["db"] = 0.05, ["search"] = 0.05, ["cache"] = 0.05 };

        var sut = CallGraphWalk.Rank(Graph(), anomaly, new SeriesRcaOptions());

        Assert.Equal("api", sut.MaxBy(p => p.Value).Key);
    }
}
