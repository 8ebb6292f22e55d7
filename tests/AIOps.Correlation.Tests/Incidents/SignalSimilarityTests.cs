using AIOps.Core.Model;
using AIOps.Correlation.Incidents;
using static AIOps.Correlation.Tests.Incidents.Signals;

namespace AIOps.Correlation.Tests.Incidents;

public sealed class SignalSimilarityTests
{
    [Fact]
    public void Score_OnlyWordsMostSignalsCarry_IsZero()
    {
        var sut = new SignalSimilarity();
        for (var i = 0; i < 20; i++)
        {
            sut.Tokens(Summarised($"svc-{i}", $"latency on svc-{i} is above normal, expected lower"));
        }

        var a = Summarised("inventory-db", "disk_used on inventory-db is above normal, expected lower");
        var b = Summarised("search-index", "query_ms on search-index is above normal, expected lower");

        Assert.Equal(0, sut.Score(a, b));
    }

    [Fact]
    public void Score_RareSharedTokens_CountsAsResemblance()
    {
        var sut = new SignalSimilarity();
        for (var i = 0; i < 20; i++)
        {
            sut.Tokens(Summarised($"svc-{i}", $"latency on svc-{i} is above normal, expected lower"));
        }

        var a = Summarised("inventory-db", "volume nearly full on inventory-db", ("node", "node-4"));
        var b = Summarised("search-index", "volume nearly full on search-index", ("node", "node-4"));

        Assert.True(sut.Score(a, b) > 0.3, $"score {sut.Score(a, b):0.000}");
    }

    private static Signal Summarised(string entity, string summary, params (string Key, string Value)[] labels) =>
        Anomaly(entity, "m", 0) with { Fingerprint = $"f:{entity}:{summary}", Summary = summary, Labels = LabelSet.From(labels) };
}
