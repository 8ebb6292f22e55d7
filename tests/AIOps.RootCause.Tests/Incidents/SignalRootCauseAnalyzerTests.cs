using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.RootCause.Incidents;

using static AIOps.RootCause.Tests.Incidents.TestIncidents;

namespace AIOps.RootCause.Tests.Incidents;

public sealed class SignalRootCauseAnalyzerTests
{
    private readonly DependencyGraph _graph = new();

    public SignalRootCauseAnalyzerTests()
    {
        _graph.AddStatic("frontend", "checkout");
        _graph.AddStatic("checkout", "payments");
        _graph.AddStatic("payments", "payments-db");
    }

    [Fact]
    public void Analyze_DownstreamFailsFirst_RanksItFirstWithEvidence()
    {
        var incident = Incident(
            Anomaly("frontend", "errors", 3, 6),
            Anomaly("checkout", "errors", 2, 8),
            Anomaly("payments", "latency", 1, 9),
            Anomaly("payments-db", "latency", 0, 12));
        var sut = new SignalRootCauseAnalyzer();

        var report = sut.Analyze(incident, _graph);

        var top = report.Candidates[0];
        Assert.Equal("payments-db", top.Entity);
        Assert.Equal("latency", top.Indicator);
        Assert.Contains(top.Evidence, e => e.Kind == EvidenceKind.Onset);
        Assert.Contains(top.Evidence, e => e.Kind == EvidenceKind.Shift && e.Before == 1 && e.After == 10);
        Assert.Contains(top.Evidence, e => e.Kind == EvidenceKind.Topology);
        Assert.Contains("payments-db", top.Explanation, StringComparison.Ordinal);
        Assert.Equal(T0, report.Onset);
    }

    [Fact]
    public void Analyze_UpstreamFirstButDependencyHealthy_StillPrefersEarliestWithHealthyCallees()
    {
        // frontend breaks first on its own (its dependencies stay healthy): it is the cause.
        var incident = Incident(Anomaly("frontend", "errors", 0, 10), Anomaly("checkout", "latency", 5, 3));
        var sut = new SignalRootCauseAnalyzer();

        var report = sut.Analyze(incident, _graph);

        Assert.Equal("frontend", report.Candidates[0].Entity);
    }

    [Fact]
    public void Analyze_ChangeJustBeforeOnset_AddsChangeEvidenceAndScore()
    {
        var plain = Incident(Anomaly("payments", "latency", 0, 8), Anomaly("checkout", "latency", 0, 8));
        var withDeploy = Incident(Anomaly("payments", "latency", 0, 8), Anomaly("checkout", "latency", 0, 8), Change("checkout", -2));
        var sut = new SignalRootCauseAnalyzer();

        var before = sut.Analyze(plain, _graph).Candidates.Single(c => c.Entity == "checkout").Score;
        var after = sut.Analyze(withDeploy, _graph).Candidates.Single(c => c.Entity == "checkout");

        Assert.True(after.Score > before, $"{after.Score} should exceed {before}");
        Assert.Contains(after.Evidence, e => e.Kind == EvidenceKind.Change);
    }

    [Fact]
    public void Analyze_SilentDependencyOfAnomalousCaller_IsACandidate()
    {
        var incident = Incident(Anomaly("payments", "errors", 0, 8));
        var sut = new SignalRootCauseAnalyzer();

        var report = sut.Analyze(incident, _graph);

        Assert.Contains(report.Candidates, c => c.Entity == "payments-db");
        Assert.Equal("payments", report.Candidates[0].Entity);
    }
}
