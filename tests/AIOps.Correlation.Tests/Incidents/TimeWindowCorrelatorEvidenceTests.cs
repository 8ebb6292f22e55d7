using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Correlation.Incidents;
using AIOps.Correlation.Rules;
using static AIOps.Correlation.Tests.Incidents.Signals;

namespace AIOps.Correlation.Tests.Incidents;

/// <summary>Causal direction between neighbours, the evidence a signal needs to pull its entity in, and reopening.</summary>
public sealed class TimeWindowCorrelatorEvidenceTests
{
    private readonly DependencyGraph _graph = new();
    private readonly List<IncidentChange> _changes = [];

    public TimeWindowCorrelatorEvidenceTests()
    {
        _graph.AddStatic("frontend", "checkout");
        _graph.AddStatic("checkout", "payments");
        _graph.AddStatic("payments", "payments-db");
    }

    private static CorrelatorOptions Grouping => new() { AnomalyMinCount = 1 };

    [Fact]
    public void Observe_DependencyGoesWrongMinutesAfterItsCaller_OpensItsOwnIncident()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Anomaly("payments", "errors", 0), _changes);

        sut.Observe(Anomaly("payments-db", "replication_lag", 9), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
        Assert.Equal(1, sut.Counters.LateDependencies);
    }

    [Fact]
    public void Observe_DependencyGoesWrongWithinTheLag_JoinsAsTheLikelyCause()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Anomaly("payments", "errors", 0), _changes);

        sut.Observe(Anomaly("payments-db", "latency", 2), _changes);

        Assert.Equal(["payments", "payments-db"], Assert.Single(sut.OpenIncidents).Entities);
    }

    [Fact]
    public void Observe_CallerGoesWrongMinutesAfterItsDependency_JoinsAsASymptom()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);

        sut.Observe(Anomaly("payments", "errors", 9), _changes);

        Assert.Equal(["payments-db", "payments"], Assert.Single(sut.OpenIncidents).Entities);
    }

    [Fact]
    public void Observe_DependencyOnsetLagOff_LateDependencyJoins()
    {
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions { AnomalyMinCount = 1, DependencyOnsetLag = TimeSpan.Zero });
        sut.Observe(Anomaly("payments", "errors", 0), _changes);

        sut.Observe(Anomaly("payments-db", "replication_lag", 9), _changes);

        Assert.Single(sut.OpenIncidents);
    }

    [Fact]
    public void Observe_CallerWorsensAfterLateDependency_NewConditionBridgesBoth()
    {
        // The evidence that the late dependency matters after all: its caller gets a new symptom right after it.
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Anomaly("payments", "errors", 0), _changes);
        sut.Observe(Anomaly("payments-db", "replication_lag", 9), _changes);

        sut.Observe(Anomaly("payments", "latency", 10), _changes);

        Assert.Equal(["payments", "payments-db"], Assert.Single(sut.OpenIncidents).Entities);
    }

    [Fact]
    public void Observe_LoneAnomalyOnNeighbour_HeldUntilItsEntityIsCorroborated()
    {
        var sut = new TimeWindowCorrelator(_graph); // defaults: an anomaly needs a second condition on its entity
        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);
        sut.Observe(Anomaly("payments-db", "connections", 0.5), _changes);

        sut.Observe(Anomaly("payments", "errors", 1), _changes);
        Assert.Equal(["payments-db"], Assert.Single(sut.OpenIncidents).Entities);
        Assert.Equal(1, sut.Counters.Unsupported);

        sut.Observe(Anomaly("payments", "latency", 1.5), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(["payments-db", "payments"], incident.Entities);
        Assert.Equal(4, incident.Signals.Count);
    }

    [Fact]
    public void Observe_AnomalyAndWarningOnNeighbour_CorroborateEachOther()
    {
        var rules = new RuleSet { Rules = [new CorrelationRule { Name = "warnings", Match = [SignalMatcher.FieldEquals("severity", "warning")], MinCount = 2 }] };
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions(), rules);
        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);
        sut.Observe(Anomaly("payments-db", "connections", 0.5), _changes);

        sut.Observe(Anomaly("payments", "latency", 1), _changes);
        sut.Observe(Alert("payments", "HighLatency", 1.5, Severity.Warning), _changes);

        Assert.Equal(["payments-db", "payments"], Assert.Single(sut.OpenIncidents).Entities);
    }

    [Theory]
    [InlineData(true, 2)]   // its anomaly 8 min earlier corroborates the warning: the dependency joins as the cause
    [InlineData(false, 1)]  // a lone warning on the dependency is held like any uncorroborated one
    public void Observe_WarningOnDependencyThatWentWrongFirst_CorroboratedByItsEarlierAnomaly(bool earlierAnomaly, int entities)
    {
        var rules = new RuleSet { Rules = [new CorrelationRule { Name = "warnings", Match = [SignalMatcher.FieldEquals("severity", "warning")], MinCount = 2 }] };
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions(), rules);
        if (earlierAnomaly)
        {
            sut.Observe(Anomaly("payments-db", "replication_lag", 0), _changes); // a slow ramp: one anomaly, then damped
        }

        sut.Observe(Anomaly("payments", "errors", 6), _changes);
        sut.Observe(Anomaly("payments", "latency", 6.5), _changes);

        sut.Observe(Alert("payments-db", "ReplicationLagHigh", 8, Severity.Warning), _changes);

        Assert.Equal(entities, Assert.Single(sut.OpenIncidents).Entities.Count);
    }

    [Fact]
    public void Observe_PageOnNeighbourWithNoAnomalyOfItsOwn_PagesAlone()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Anomaly("payments", "errors", 0), _changes);

        sut.Observe(Alert("checkout", "JobFailed", 3), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
        Assert.Equal(1, sut.Counters.Unsupported);
    }

    [Fact]
    public void Observe_PageOnNeighbourWhoseMetricsMoved_Joins()
    {
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions());
        sut.Observe(Anomaly("payments", "errors", 0), _changes);
        sut.Observe(Anomaly("payments", "latency", 0), _changes);
        sut.Observe(Anomaly("checkout", "errors", 2), _changes); // held: a lone series

        sut.Observe(Alert("checkout", "HighErrorRate", 3), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(["payments", "checkout"], incident.Entities);
        Assert.Equal(4, incident.Signals.Count);
    }

    [Fact]
    public void Observe_PageRepeatingTheIncidentsSymptomOnNeighbour_Joins()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Anomaly("payments", "errors", 0), _changes);
        sut.Observe(Alert("payments", "HighErrorRate", 1), _changes);

        sut.Observe(Alert("checkout", "HighErrorRate", 2), _changes);

        Assert.Equal(["payments", "checkout"], Assert.Single(sut.OpenIncidents).Entities);
    }

    [Fact]
    public void Observe_PagesOnlyNoAnomalies_NeighbourPageJoins()
    {
        // Alert-only sources: nothing says the neighbour's metrics are watched, so topology alone relates them.
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Alert("payments-db", "MySQLDown", 0), _changes);

        sut.Observe(Alert("payments", "HighErrorRate", 1), _changes);

        Assert.Single(sut.OpenIncidents);
    }

    [Fact]
    public void Observe_DifferentConditionAfterIncidentResolved_OpensANewIncident()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Alert("payments", "PaymentsDown", 0), _changes);
        sut.Observe(Alert("payments", "PaymentsDown", 2, resolved: true), _changes);
        sut.AdvanceTo(T0.AddMinutes(20), _changes);
        Assert.Empty(sut.OpenIncidents);

        sut.Observe(Alert("payments", "BackupFailed", 25), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(IncidentChangeKind.Opened, _changes[^1].Kind);
        Assert.Equal("BackupFailed", Assert.Single(incident.Signals).Indicator);
    }

    [Fact]
    public void Observe_SameConditionAfterIncidentResolved_Reopens()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Alert("payments", "PaymentsDown", 0), _changes);
        sut.Observe(Alert("payments", "PaymentsDown", 2, resolved: true), _changes);
        sut.AdvanceTo(T0.AddMinutes(20), _changes);

        sut.Observe(Alert("payments", "PaymentsDown", 25), _changes);

        Assert.Single(sut.OpenIncidents);
        Assert.Equal(IncidentChangeKind.Reopened, _changes[^1].Kind);
    }

    [Fact]
    public void Observe_LoneBlipOfAResolvedIncidentsAnomaly_HeldThenReopensOnceCorroborated()
    {
        var sut = new TimeWindowCorrelator(_graph);
        sut.Observe(Anomaly("payments", "errors", 0), _changes);
        sut.Observe(Anomaly("payments", "latency", 0.5), _changes);
        sut.AdvanceTo(T0.AddMinutes(20), _changes);
        Assert.Empty(sut.OpenIncidents);

        sut.Observe(Anomaly("payments", "latency", 25), _changes);
        Assert.Empty(sut.OpenIncidents);

        sut.Observe(Anomaly("payments", "errors", 26), _changes);
        Assert.Single(sut.OpenIncidents);
        Assert.Equal(IncidentChangeKind.Reopened, _changes[^1].Kind);
    }

    [Fact]
    public void Observe_ConditionReturnsWhileANeighbourHasAnIncident_ReopensItsOwn()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Alert("payments", "ProbeFailed", 0), _changes);
        sut.Observe(Alert("payments", "ProbeFailed", 2, resolved: true), _changes);
        sut.AdvanceTo(T0.AddMinutes(20), _changes);
        var own = _changes[^1].Incident.Id;
        sut.Observe(Alert("checkout", "TargetDown", 21), _changes);

        sut.Observe(Alert("payments", "ProbeFailed", 22), _changes);

        Assert.Equal(IncidentChangeKind.Reopened, _changes[^1].Kind);
        Assert.Equal(own, _changes[^1].Incident.Id);
        Assert.Equal(2, sut.OpenIncidents.Count);
    }

    [Fact]
    public void Observe_PageOnADependencyThatWentWrongFirst_JoinsWithoutAnAnomalyOfItsOwn()
    {
        // The cause may show only as an alert (an expired certificate): on the dependency side it is enough.
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Anomaly("payments", "errors", 0), _changes);

        sut.Observe(Alert("payments-db", "CertificateExpired", 1), _changes);

        Assert.Equal(["payments", "payments-db"], Assert.Single(sut.OpenIncidents).Entities);
    }

    [Fact]
    public void Observe_HostGoesWrongMinutesAfterItsService_OpensItsOwnIncident()
    {
        var hosts = new HostMap();
        hosts.Add("search", "node-1");
        var sut = new TimeWindowCorrelator(_graph, Grouping, hosts: hosts);
        sut.Observe(Anomaly("search", "latency", 0), _changes);

        sut.Observe(Anomaly("node-1", "disk_io", 9), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
    }

    [Fact]
    public void Observe_ServiceGoesWrongMinutesAfterItsHost_JoinsAsASymptom()
    {
        var hosts = new HostMap();
        hosts.Add("search", "node-1");
        var sut = new TimeWindowCorrelator(_graph, Grouping, hosts: hosts);
        sut.Observe(Anomaly("node-1", "disk_io", 0), _changes);

        sut.Observe(Anomaly("search", "latency", 9), _changes);

        Assert.Equal(["node-1", "search"], Assert.Single(sut.OpenIncidents).Entities);
    }

    [Theory]
    [InlineData("payments", "frontend", 1)] // a caller two hops up: a symptom, joins however late
    [InlineData("frontend", "payments", 2)] // a dependency two hops down, 9 min late: not the cause
    [InlineData("payments", "inventory", 1)] // a sibling through checkout: no direction, joins
    public void Observe_TwoHops_DirectionFollowsCallsOnlyPaths(string first, string second, int incidents)
    {
        _graph.AddStatic("checkout", "inventory");
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions { AnomalyMinCount = 1, MaxHops = 2 });
        sut.Observe(Anomaly(first, "errors", 0), _changes);

        sut.Observe(Anomaly(second, "latency", 9), _changes);

        Assert.Equal(incidents, sut.OpenIncidents.Count);
    }
}
