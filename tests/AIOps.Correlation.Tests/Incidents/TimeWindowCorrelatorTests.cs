using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Correlation.Incidents;
using static AIOps.Correlation.Tests.Incidents.Signals;

namespace AIOps.Correlation.Tests.Incidents;

public sealed class TimeWindowCorrelatorTests
{
    private readonly DependencyGraph _graph = new();
    private readonly List<IncidentChange> _changes = [];

    public TimeWindowCorrelatorTests()
    {
        _graph.AddStatic("frontend", "checkout");
        _graph.AddStatic("checkout", "payments");
        _graph.AddStatic("payments", "payments-db");
    }

    [Fact]
    public void Observe_CascadeOnConnectedEntities_GroupsIntoOneIncident()
    {
        var sut = new TimeWindowCorrelator(_graph);

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
    public void Observe_UnconnectedEntity_OpensSecondIncident()
    {
        var sut = new TimeWindowCorrelator(_graph);

        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);
        sut.Observe(Anomaly("search", "latency", 1), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
    }

    [Fact]
    public void Observe_OutsideWindow_OpensNewIncident()
    {
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions { Window = TimeSpan.FromMinutes(5), QuietPeriod = TimeSpan.FromHours(1) });

        sut.Observe(Anomaly("payments-db", "latency", 0), _changes);
        sut.Observe(Anomaly("payments", "latency", 20), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
    }

    [Fact]
    public void Observe_SameSignalTwice_IsIdempotent()
    {
        var sut = new TimeWindowCorrelator(_graph);
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
        var sut = new TimeWindowCorrelator(_graph);

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
        var sut = new TimeWindowCorrelator(_graph);
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
        var sut = new TimeWindowCorrelator(_graph);

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
        var sut = new TimeWindowCorrelator(_graph);

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
        var sut = new TimeWindowCorrelator(_graph);
        sut.Observe(Anomaly("payments", "log-novelty", 0, score: 0.5), _changes);

        sut.AdvanceTo(T0.AddMinutes(30), _changes);
        sut.Observe(Anomaly("payments-db", "latency", 30), _changes);

        Assert.DoesNotContain(Assert.Single(sut.OpenIncidents).Signals, s => s.Indicator == "log-novelty");
    }

    [Fact]
    public void Restore_OpenIncident_ContinuesItsVersions()
    {
        var first = new TimeWindowCorrelator(_graph);
        first.Observe(Anomaly("payments-db", "latency", 0), _changes);
        var snapshot = _changes[^1].Incident;

        var sut = new TimeWindowCorrelator(_graph);
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
        var sut = new TimeWindowCorrelator(_graph);
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
}
