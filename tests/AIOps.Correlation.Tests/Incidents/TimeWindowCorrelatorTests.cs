using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Correlation.Incidents;
using static AIOps.Correlation.Tests.Incidents.Signals;

namespace AIOps.Correlation.Tests.Incidents;

public sealed class TimeWindowCorrelatorTests
{
    private readonly DependencyGraph _graph = new();
    private readonly List<IncidentChange> _changes = [];

    // These tests are about grouping and lifecycle, so a single anomaly may open an incident.
    private static CorrelatorOptions Grouping => new() { AnomalyMinCount = 1 };

    public TimeWindowCorrelatorTests()
    {
        _graph.AddStatic("frontend", "checkout");
        _graph.AddStatic("checkout", "payments");
        _graph.AddStatic("payments", "payments-db");
    }

    [Fact]
    public void Observe_CascadeOnConnectedEntities_GroupsIntoOneIncident()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);

        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);
        sut.Observe(Anomaly("payments", "latency", 1), _changes);
        sut.Observe(Anomaly("checkout", "errors", 2), _changes);
        sut.Observe(Anomaly("frontend", "errors", 3), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(["payments-db", "payments", "checkout", "frontend"], incident.Entities);
        Assert.Equal(4, incident.Version);
        Assert.Contains(incident.Reasons, r => r.Contains("connected to", StringComparison.Ordinal));
    }

    [Fact]
    public void Observe_AlertResolves_MemberKeepsItsFiringOnset()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Alert("payments-db", "PostgresDown", 0), _changes);

        sut.Observe(Alert("payments-db", "PostgresDown", 7, resolved: true), _changes); // stamped with its end time

        var member = Assert.Single(Assert.Single(sut.OpenIncidents).Signals);
        Assert.True(member.Resolved);
        Assert.Equal(T0, member.Onset);
        Assert.Equal(T0.AddMinutes(7), member.Timestamp);
    }

    [Fact]
    public void Observe_UnconnectedEntity_OpensSecondIncident()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);

        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);
        sut.Observe(Anomaly("search", "latency", 1), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
    }

    [Fact]
    public void Observe_OutsideWindow_OpensNewIncident()
    {
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions { Window = TimeSpan.FromMinutes(5), QuietPeriod = TimeSpan.FromHours(1), AnomalyMinCount = 1 });

        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);
        sut.Observe(Anomaly("payments", "latency", 20), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
    }

    [Fact]
    public void Observe_SameSignalTwice_IsIdempotent()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        var signal = Anomaly("payments-db", "latency", 0);

        sut.Observe(signal, _changes);
        sut.Observe(Anomaly("payments", "latency", 1), _changes);
        var versions = _changes.Count;
        sut.Observe(signal, _changes);

        Assert.Equal(versions, _changes.Count);
    }

    [Fact]
    public void Observe_SignalBridgingTwoIncidents_MergesThem()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);

        sut.Observe(Anomaly("frontend", "errors", 0), _changes);
        sut.Observe(Anomaly("payments", "latency", 1), _changes);
        Assert.Equal(2, sut.OpenIncidents.Count);

        sut.Observe(Anomaly("checkout", "errors", 2), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(3, incident.Entities.Count);
        var absorbed = Assert.Single(_changes, c => c.Kind == IncidentChangeKind.Merged).Incident;
        Assert.Equal(incident.Id, absorbed.MergedInto);
        Assert.Equal(IncidentStatus.Resolved, absorbed.Status);
    }

    [Fact]
    public void AdvanceTo_AfterQuietPeriod_ResolvesThenReopensOnRecurrence()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);

        sut.AdvanceTo(T0.AddMinutes(16), _changes);
        Assert.Empty(sut.OpenIncidents);
        Assert.Equal(IncidentStatus.Resolved, _changes[^1].Incident.Status);
        var id = _changes[^1].Incident.Id;

        sut.Observe(Anomaly("payments-db", "latency", 20), _changes);

        Assert.Equal(IncidentChangeKind.Reopened, _changes[^1].Kind);
        Assert.Equal(id, Assert.Single(sut.OpenIncidents).Id);
    }

    [Fact]
    public void Observe_ChangeBeforeOnset_IsAttachedButOpensNothing()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);

        sut.Observe(Change("payments-db", -3), _changes);
        Assert.Empty(sut.OpenIncidents);

        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Contains(incident.Signals, s => s.Kind == SignalKind.Change);
        Assert.Equal(["payments-db"], incident.Entities);
    }

    [Fact]
    public void Observe_WeakAnomaly_DoesNotOpenIncidentButJoinsOneThatFormsNearby()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);

        sut.Observe(Anomaly("payments", "log-novelty", 0, score: 0.5), _changes);
        Assert.Empty(sut.OpenIncidents);

        // Regression: topics are consumed at different paces, so the weak signal may come before the strong one.
        sut.Observe(Anomaly("payments-db", "latency", -1), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Contains(incident.Signals, s => s.Indicator == "log-novelty");
    }

    [Fact]
    public void AdvanceTo_WeakSignalOlderThanWindow_IsForgotten()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Anomaly("payments", "log-novelty", 0, score: 0.5), _changes);

        sut.AdvanceTo(T0.AddMinutes(30), _changes);
        sut.Observe(Anomaly("payments-db", "latency", 30), _changes);

        Assert.DoesNotContain(Assert.Single(sut.OpenIncidents).Signals, s => s.Indicator == "log-novelty");
    }

    [Fact]
    public void Restore_OpenIncident_ContinuesItsVersions()
    {
        var first = new TimeWindowCorrelator(_graph, Grouping);
        first.Observe(Anomaly("payments-db", "latency", 0), _changes);
        var snapshot = _changes[^1].Incident;

        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Restore([snapshot]);
        sut.Observe(Anomaly("payments", "latency", 1), _changes);

        Assert.Equal(snapshot.Id, _changes[^1].Incident.Id);
        Assert.Equal(snapshot.Version + 1, _changes[^1].Incident.Version);
    }

    [Fact]
    public void Observe_RepeatOfOngoingAnomaly_KeepsIncidentAliveBeyondWindow()
    {
        // Regression: a repeat shares the fingerprint and onset of the first signal but is observed later;
        // it must refresh the incident, or a twin incident opens once the window has passed.
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        var first = Anomaly("payments", "latency", 0);
        sut.Observe(first, _changes);

        for (var minute = 5; minute <= 30; minute += 5)
        {
            sut.Observe(first with { Id = $"repeat-{minute}", Timestamp = T0.AddMinutes(minute) }, _changes);
            sut.AdvanceTo(T0.AddMinutes(minute), _changes);
        }

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(T0.AddMinutes(30), incident.LastSeen);
        Assert.Single(incident.Signals);
    }

    [Fact]
    public void Observe_LoneAnomalyWithDefaults_HeldUntilSecondSeriesOnEntity()
    {
        var sut = new TimeWindowCorrelator(_graph);

        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);
        Assert.Empty(sut.OpenIncidents);
        Assert.Equal(1, sut.Counters.Pending);

        sut.Observe(Anomaly("payments-db", "connections", 1), _changes);

        Assert.Equal(2, Assert.Single(sut.OpenIncidents).Signals.Count);
    }

    [Fact]
    public void Observe_NewConditionOnceEveryAlertResolved_OpensItsOwnIncident()
    {
        // The first problem is over (its alert resolved) though its quiet period still holds it open: a different
        // condition on a connected entity is a new problem, not a late member (no chaining of unrelated events).
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Alert("payments", "PaymentsDown", 0), _changes);
        sut.Observe(Alert("payments", "PaymentsDown", 3, resolved: true), _changes);

        sut.Observe(Alert("checkout", "JobFailed", 6), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
    }

    [Fact]
    public void Observe_ReturningConditionOfRecoveredIncident_RefreshesIt()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Alert("payments", "PaymentsDown", 0), _changes);
        sut.Observe(Alert("payments", "PaymentsDown", 3, resolved: true), _changes);

        sut.Observe(Alert("payments", "PaymentsDown", 6), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.False(Assert.Single(incident.Signals).Resolved);
    }

    [Fact]
    public void Observe_RecoveredAlertsButRecentAnomaly_StillTakesNewConditions()
    {
        var sut = new TimeWindowCorrelator(_graph, Grouping);
        sut.Observe(Alert("payments", "PaymentsDown", 0), _changes);
        sut.Observe(Anomaly("payments", "latency", 2), _changes);
        sut.Observe(Alert("payments", "PaymentsDown", 3, resolved: true), _changes);

        sut.Observe(Anomaly("checkout", "errors", 6), _changes);

        Assert.Single(sut.OpenIncidents);
    }
}
