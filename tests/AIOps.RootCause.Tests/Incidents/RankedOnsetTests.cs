using AIOps.Core.Topology;
using AIOps.RootCause.Incidents;

using static AIOps.RootCause.Tests.Incidents.TestIncidents;

namespace AIOps.RootCause.Tests.Incidents;

/// <summary>A lone early signal on an entity whose dependencies broke later: a condition already there, not the start.</summary>
public sealed class RankedOnsetTests
{
    private readonly DependencyGraph _graph = new();

    public RankedOnsetTests()
    {
        _graph.AddStatic("checkout", "payments");
        _graph.AddStatic("payments", "fraud");
    }

    [Fact]
    public void Analyze_CallerWithALoneSignalMinutesBeforeTheCascade_RanksTheDeepestBrokenDependencyFirst()
    {
        var incident = Incident(
            Anomaly("checkout", "span.error_ratio", 0, 40),
            Anomaly("fraud", "errors", 7, 5),
            Anomaly("payments", "errors", 8, 5),
            Anomaly("checkout", "errors", 9, 40) with { Id = "s-checkout-2", Fingerprint = "a:checkout/errors" });
        var sut = new SignalRootCauseAnalyzer();

        var report = sut.Analyze(incident, _graph);

        Assert.Equal("fraud", report.Candidates[0].Entity);
    }

    [Fact]
    public void Analyze_CallerEarlyWithTwoSignalsAtOnce_KeepsItsOnsetCredit()
    {
        // Two of its signals agree on the early start: that is when its trouble began, not a stray condition.
        var lone = Incident(
            Anomaly("checkout", "span.error_ratio", 0, 12),
            Anomaly("checkout", "errors", 12, 12) with { Id = "s-checkout-2", Fingerprint = "a:checkout/errors" },
            Anomaly("payments", "errors", 5, 12));
        var agreed = lone with { Signals = [lone.Signals[0], lone.Signals[1] with { Onset = T0, Timestamp = T0 }, lone.Signals[2]] };
        var sut = new SignalRootCauseAnalyzer();

        var loneScore = sut.Analyze(lone, _graph).Candidates.Single(c => c.Entity == "checkout").Score;
        var agreedScore = sut.Analyze(agreed, _graph).Candidates.Single(c => c.Entity == "checkout").Score;

        Assert.True(agreedScore > loneScore + 0.1, $"agreed {agreedScore} vs lone {loneScore}");
    }

    [Fact]
    public void Analyze_LoneEarlySignalOnAnEntityWithHealthyDependencies_KeepsItFirst()
    {
        // payments' dependency fraud shows nothing: its early signal is the start of its own trouble.
        var incident = Incident(
            Anomaly("payments", "latency", 0, 12),
            Anomaly("payments", "errors", 6, 12) with { Id = "s-payments-2", Fingerprint = "a:payments/errors" },
            Anomaly("checkout", "errors", 6.5, 12));
        var sut = new SignalRootCauseAnalyzer();

        var report = sut.Analyze(incident, _graph);

        Assert.Equal("payments", report.Candidates[0].Entity);
    }
}
