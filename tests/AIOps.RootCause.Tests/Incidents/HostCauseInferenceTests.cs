using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.RootCause.Incidents;

using static AIOps.RootCause.Tests.Incidents.TestIncidents;

namespace AIOps.RootCause.Tests.Incidents;

/// <summary>A host whose services went wrong together, with or without a signal of its own.</summary>
public sealed class HostCauseInferenceTests
{
    private static readonly Dictionary<string, string[]> Placement = new(StringComparer.Ordinal)
    {
        ["cart"] = ["node-3"],
        ["cache"] = ["node-3"],
        ["inventory-db"] = ["node-3"],
        ["inventory"] = ["node-4"],
        ["checkout"] = ["node-2"],
    };

    private readonly DependencyGraph _graph = new();

    public HostCauseInferenceTests()
    {
        _graph.AddStatic("cart", "cache");
        _graph.AddStatic("inventory", "inventory-db");
        _graph.AddStatic("checkout", "cart");
    }

    private static IReadOnlyList<string> HostsOf(string entity) => Placement.TryGetValue(entity, out var hosts) ? hosts : [];

    private static Signal HostAlert(string host, double minutes) => Anomaly(host, "KubeNodeNotReady", minutes, 0) with
    {
        Id = $"alert-{host}",
        Kind = SignalKind.Alert,
        Score = 1,
        Severity = Severity.Critical,
        Fingerprint = $"alert:{host}",
        Summary = $"{host} has been unready",
    };

    [Fact]
    public void Analyze_HostAlertAndTwoOfItsServicesDown_RanksTheHostAboveThem()
    {
        var incident = Incident(
            Anomaly("cache", "db_up", 0, 40),
            Anomaly("cart", "errors", 0, 30),
            Anomaly("checkout", "errors", 1, 12),
            HostAlert("node-3", 0));
        var sut = new SignalRootCauseAnalyzer(hostsOf: HostsOf);

        var report = sut.Analyze(incident, _graph);

        var top = report.Candidates[0];
        Assert.Equal("node-3", top.Entity);
        Assert.True(top.Score >= report.Candidates[1].Score + new RankingWeights().HostLead - 1e-4);
        Assert.Contains("host", top.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SilentHostOfTwoUnconnectedServicesInTheSameMinute_RanksTheHostFirst()
    {
        // cache and inventory-db call nothing in common and nothing connects them: what they share is node-3.
        var incident = Incident(
            Anomaly("cache", "db_up", 0, 40),
            Anomaly("inventory-db", "db_up", 0.5, 40),
            Anomaly("cart", "errors", 1, 20),
            Anomaly("inventory", "errors", 1, 20));
        var sut = new SignalRootCauseAnalyzer(hostsOf: HostsOf);

        var report = sut.Analyze(incident, _graph);

        Assert.Equal("node-3", report.Candidates[0].Entity);
        Assert.Equal("dependency", report.Candidates[0].Indicator);
    }

    [Fact]
    public void Analyze_SilentHostOfACallChain_KeepsTheDeepestServiceFirst()
    {
        // cart calls cache: the cache explains cart, sharing node-3 is only where they were placed.
        var incident = Incident(Anomaly("cache", "latency", 0, 40), Anomaly("cart", "latency", 1, 20), Anomaly("checkout", "latency", 1.5, 10));
        var sut = new SignalRootCauseAnalyzer(hostsOf: HostsOf);

        var report = sut.Analyze(incident, _graph);

        Assert.Equal("cache", report.Candidates[0].Entity);
        Assert.True(report.Candidates.Single(c => c.Entity == "node-3").Score < report.Candidates.Single(c => c.Entity == "cart").Score);
    }

    [Fact]
    public void Analyze_SilentHostServicesMinutesApart_DoesNotLiftTheHost()
    {
        var incident = Incident(Anomaly("cache", "db_up", 0, 40), Anomaly("inventory-db", "db_up", 5, 40));
        var sut = new SignalRootCauseAnalyzer(hostsOf: HostsOf);

        var report = sut.Analyze(incident, _graph);

        Assert.Equal("cache", report.Candidates[0].Entity);
    }

    [Fact]
    public void Analyze_SilentHostWhoseServicesAnAnomalousSharedDependencyExplains_DoesNotLiftTheHost()
    {
        // coredns (no place in the graph) went wrong with both: a dependency showing the trouble beats a silent host.
        var incident = Incident(
            Anomaly("cache", "errors", 0, 40),
            Anomaly("inventory-db", "errors", 0, 40),
            Anomaly("coredns", "latency", 0, 12));
        var sut = new SignalRootCauseAnalyzer(hostsOf: HostsOf);

        var report = sut.Analyze(incident, _graph);

        Assert.Equal("coredns", report.Candidates[0].Entity);
        Assert.True(report.Candidates.Single(c => c.Entity == "node-3").Score < report.Candidates.Single(c => c.Entity == "cache").Score);
    }

    [Fact]
    public void Analyze_HostWithOneAffectedService_IsNoCandidate()
    {
        var incident = Incident(Anomaly("cache", "db_up", 0, 40), Anomaly("checkout", "errors", 1, 12));
        var sut = new SignalRootCauseAnalyzer(hostsOf: HostsOf);

        var report = sut.Analyze(incident, _graph);

        Assert.DoesNotContain(report.Candidates, c => c.Entity == "node-3");
    }

    [Fact]
    public void Analyze_ReusedRanking_EqualsRankingAfresh()
    {
        var first = Incident(Anomaly("cache", "db_up", 0, 40), HostAlert("node-3", 0));
        var second = first with { Version = 2, Signals = [.. first.Signals, Anomaly("cart", "errors", 0.5, 30)], Entities = ["cache", "node-3", "cart"] };
        var sut = new SignalRootCauseAnalyzer(hostsOf: HostsOf);
        var fresh = new SignalRootCauseAnalyzer(hostsOf: HostsOf, memoCapacity: 0);

        sut.Analyze(first, _graph);
        var incremental = sut.Analyze(second, _graph);

        Assert.Equal(fresh.Analyze(second, _graph).Candidates.Select(c => (c.Entity, c.Score)), incremental.Candidates.Select(c => (c.Entity, c.Score)));
        Assert.Equal("node-3", incremental.Candidates[0].Entity);
    }
}
