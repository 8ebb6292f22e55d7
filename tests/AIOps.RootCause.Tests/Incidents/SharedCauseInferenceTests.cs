using AIOps.Core.Topology;
using AIOps.RootCause.Incidents;

using static AIOps.RootCause.Tests.Incidents.TestIncidents;

namespace AIOps.RootCause.Tests.Incidents;

/// <summary>An entity with no place in the call graph, going wrong with parts of the incident nothing connects.</summary>
public sealed class SharedCauseInferenceTests
{
    private readonly DependencyGraph _graph = new();

    public SharedCauseInferenceTests()
    {
        _graph.AddStatic("gateway", "auth");
        _graph.AddStatic("checkout", "payments");
    }

    [Fact]
    public void Analyze_UnconnectedPartsAndAnUnplacedEntityInTheSameMinute_RanksTheUnplacedEntityFirst()
    {
        var incident = Incident(
            Anomaly("auth", "errors", 0, 12),
            Anomaly("gateway", "errors", 0.5, 12),
            Anomaly("payments", "errors", 0, 12),
            Anomaly("coredns", "latency", 0, 12));
        var sut = new SignalRootCauseAnalyzer();

        var top = sut.Analyze(incident, _graph).Candidates[0];

        Assert.Equal("coredns", top.Entity);
        Assert.Contains("share", top.Explanation, StringComparison.Ordinal);
        Assert.Contains(top.Evidence, e => e.Path is { } path && path.Contains("payments") && path.Contains("auth"));
    }

    [Fact]
    public void Analyze_OnePlacedPartAndAnUnplacedEntity_InfersNothing()
    {
        // One part alone: the unplaced entity may as well be its symptom.
        var incident = Incident(Anomaly("auth", "errors", 0, 12), Anomaly("gateway", "errors", 0.5, 12), Anomaly("coredns", "latency", 0, 12));
        var sut = new SignalRootCauseAnalyzer();

        var report = sut.Analyze(incident, _graph);

        Assert.Equal("auth", report.Candidates[0].Entity);
        Assert.DoesNotContain("share", report.Candidates.Single(c => c.Entity == "coredns").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_UnplacedEntityMinutesAfterTheParts_InfersNothing()
    {
        var incident = Incident(
            Anomaly("auth", "errors", 0, 12),
            Anomaly("gateway", "errors", 0.5, 12),
            Anomaly("payments", "errors", 0, 12),
            Anomaly("coredns", "latency", 4, 12));
        var sut = new SignalRootCauseAnalyzer();

        var report = sut.Analyze(incident, _graph);

        Assert.NotEqual("coredns", report.Candidates[0].Entity);
        Assert.DoesNotContain("share", report.Candidates.Single(c => c.Entity == "coredns").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SharedCauseWindowZero_InfersNothing()
    {
        var incident = Incident(
            Anomaly("auth", "errors", 0, 12),
            Anomaly("gateway", "errors", 0.5, 12),
            Anomaly("payments", "errors", 0, 12),
            Anomaly("coredns", "latency", 0, 12));
        var sut = new SignalRootCauseAnalyzer(new RankingWeights { SharedCauseWindow = TimeSpan.Zero });

        Assert.NotEqual("coredns", sut.Analyze(incident, _graph).Candidates[0].Entity);
    }
}
