using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.RootCause.Incidents;

using static AIOps.RootCause.Tests.Incidents.TestIncidents;

namespace AIOps.RootCause.Tests.Incidents;

public sealed class CausePriorsTests
{

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
        var incident = Incident(Anomaly("search", "latency", 0, 8), Anomaly("cache", "latency", 0, 7));
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
        var incident = Incident(Anomaly("db", "latency", 0, 12), Anomaly("api", "errors", 2, 3));
        var priors = new CausePriors();
        priors.Record("db", "latency", confirmed: false);
        var sut = new SignalRootCauseAnalyzer(priors: priors);

        var report = sut.Analyze(incident, graph);

        Assert.Equal("db", report.Candidates[0].Entity);
    }
}
