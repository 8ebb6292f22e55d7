using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.RootCause.Incidents;

namespace AIOps.RootCause.Tests.Incidents;

public sealed class CausePriorsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Prior_NoVerdicts_IsZero()
    {
        var sut = new CausePriors();

        Assert.Equal(0, sut.Prior("db", "latency"));
    }

    [Fact]
    public void Prior_ConfirmedAndRejected_HasTheSignOfTheMajorityAndGrowsWithAgreement()
    {
        var sut = new CausePriors();
        sut.Record("db", "latency", confirmed: true);
        var once = sut.Prior("db", "latency");
        sut.Record("db", "latency", confirmed: true);
        sut.Record("cache", "hit_ratio", confirmed: false);

        Assert.True(once > 0);
        Assert.True(sut.Prior("db", "latency") > once);
        Assert.True(sut.Prior("cache", "hit_ratio") < 0);
        Assert.True(sut.Prior("db", "errors") is > 0 and < 0.5); // same entity, other indicator: a little
        Assert.Equal((2, 0), sut.Counts("db", "latency"));
    }

    [Fact]
    public void Analyze_AfterFeedback_ReRanksTheSamePattern()
    {
        // Two unrelated services break together; search shifts slightly more, so evidence alone ranks it first.
        var incident = Incident(Anomaly("search", "latency", 8), Anomaly("cache", "latency", 7));
        var priors = new CausePriors();
        var sut = new SignalRootCauseAnalyzer(priors: priors);
        var graph = new DependencyGraph();

        var before = sut.Analyze(incident, graph);
        priors.Record("search", "latency", confirmed: false);
        priors.Record("cache", "latency", confirmed: true);
        var after = sut.Analyze(incident, graph);

        Assert.Equal("search", before.Candidates[0].Entity);
        Assert.Equal("cache", after.Candidates[0].Entity);
        Assert.True(after.Candidates.Single(c => c.Entity == "search").Score < before.Candidates.Single(c => c.Entity == "search").Score);
        Assert.Contains("operators confirmed this as the cause 1x", after.Candidates[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OneRejectionOfAStrongCause_DoesNotBuryIt()
    {
        var graph = new DependencyGraph();
        graph.AddStatic("api", "db");
        var incident = Incident(Anomaly("db", "latency", 12), Anomaly("api", "errors", 3, minutes: 2));
        var priors = new CausePriors();
        priors.Record("db", "latency", confirmed: false);
        var sut = new SignalRootCauseAnalyzer(priors: priors);

        var report = sut.Analyze(incident, graph);

        Assert.Equal("db", report.Candidates[0].Entity);
    }

    private static Signal Anomaly(string entity, string indicator, double deviation, double minutes = 0) => new()
    {
        Id = $"s-{entity}",
        Kind = SignalKind.Anomaly,
        Entity = entity,
        Indicator = indicator,
        Detector = "test",
        Score = 0.95,
        Observed = 10,
        Expected = 1,
        Deviation = deviation,
        Onset = T0.AddMinutes(minutes),
        Timestamp = T0.AddMinutes(minutes),
        Fingerprint = $"a:{entity}/{indicator}",
    };

    private static Incident Incident(params Signal[] signals) => new()
    {
        Id = "inc-1",
        Version = 1,
        Status = IncidentStatus.Open,
        Title = "t",
        Severity = Severity.Error,
        Entities = [.. signals.Select(s => s.Entity).Distinct()],
        Signals = signals,
        FirstSeen = T0,
        LastSeen = T0.AddMinutes(5),
    };
}
