using AIOps.Core.Model;
using AIOps.Core.Pipeline;
using AIOps.Core.Ports;
using AIOps.Core.Topology;

namespace AIOps.Core.Tests.Pipeline;

/// <summary>The backlog hold: signals from ahead of a partition still catching up wait, and the clock waits with them.</summary>
public sealed class IncidentEngineHoldTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly RecordingCorrelator _correlator = new();

    private IncidentEngine Engine() => new(new OneSignalPerRecord(), _correlator, new NoCauses(), new DependencyGraph(), []);

    private static MetricPoint Point(double minutes) => MetricPoint.Create("m", LabelSet.From(("service", "svc")), T0.AddMinutes(minutes), 1);

    [Fact]
    public async Task ProcessAsync_SourceBehind_HoldsLaterSignalsAndTheClockThenReleasesThemInOrder()
    {
        var sut = Engine();
        var metricsBehind = true;
        sut.Hold = sources => metricsBehind ? sources.NewestOf("metrics", 0) ?? DateTimeOffset.MinValue : null;

        // A backlog read topic by topic: the alerts' partition delivers an hour ahead of the metrics.
        await sut.ProcessAsync([Point(0)], "metrics", 0, CancellationToken.None);
        await sut.ProcessAsync([Point(50)], "alerts", 0, CancellationToken.None);
        await sut.ProcessAsync([Point(40)], "alerts", 0, CancellationToken.None);
        await sut.ProcessAsync([Point(10)], "metrics", 0, CancellationToken.None);

        Assert.Equal([0.0, 10.0], _correlator.Observed);
        Assert.Equal(2, sut.HeldSignals);
        Assert.True(_correlator.Clock <= T0.AddMinutes(10), "the clock must not pass the partition that is behind");

        metricsBehind = false;
        await sut.ProcessAsync([Point(45)], "metrics", 0, CancellationToken.None);

        Assert.Equal([0.0, 10.0, 40.0, 45.0, 50.0], _correlator.Observed);
        Assert.Equal(0, sut.HeldSignals);
    }

    [Fact]
    public async Task ProcessAsync_NoHold_ObservesInArrivalOrder()
    {
        var sut = Engine();

        await sut.ProcessAsync([Point(50)], "alerts", 0, CancellationToken.None);
        await sut.ProcessAsync([Point(0)], "metrics", 0, CancellationToken.None);

        Assert.Equal([50.0, 0.0], _correlator.Observed);
        Assert.Equal(T0.AddMinutes(48), _correlator.Clock); // newest event minus the allowed lateness
    }

    [Fact]
    public async Task ProcessAsync_PartitionStuckBehind_HoldsAtMostMaxHold()
    {
        var sut = Engine();
        sut.Hold = _ => DateTimeOffset.MinValue; // behind and never delivering
        var beyond = (IncidentEngine.MaxHold + TimeSpan.FromMinutes(30)).TotalMinutes;

        await sut.ProcessAsync([Point(0)], "alerts", 0, CancellationToken.None);
        await sut.ProcessAsync([Point(beyond)], "alerts", 0, CancellationToken.None);

        Assert.Equal([0.0], _correlator.Observed); // 0 is more than MaxHold behind the newest: released
        Assert.Equal(T0.AddMinutes(beyond) - IncidentEngine.MaxHold - IncidentEngine.DefaultAllowedLateness, _correlator.Clock);
    }

    [Fact]
    public async Task AdvanceToAsync_ReleasesEverythingHeld()
    {
        var sut = Engine();
        sut.Hold = _ => T0;
        await sut.ProcessAsync([Point(0)], "metrics", 0, CancellationToken.None);
        await sut.ProcessAsync([Point(20)], "alerts", 0, CancellationToken.None);

        await sut.AdvanceToAsync(T0.AddMinutes(30), CancellationToken.None);

        Assert.Equal([0.0, 20.0], _correlator.Observed);
    }

    [Fact]
    public async Task ReleaseHeldAsync_CorrelatesHeldSignalsWithoutMovingTheClockPastTheData()
    {
        var sut = Engine();
        sut.Hold = _ => T0;
        await sut.ProcessAsync([Point(0)], "metrics", 0, CancellationToken.None);
        await sut.ProcessAsync([Point(20)], "alerts", 0, CancellationToken.None);

        await sut.ReleaseHeldAsync(CancellationToken.None);

        Assert.Equal([0.0, 20.0], _correlator.Observed);
        Assert.Equal(0, sut.HeldSignals);
        Assert.Equal(T0.AddMinutes(18), _correlator.Clock); // the newest event less the lateness, not wall time
    }

    /// <summary>Each record becomes one signal stamped with the record's time.</summary>
    private sealed class OneSignalPerRecord : ISignalDetector
    {
        public void Observe(TelemetryRecord record, ICollection<Signal> signals) => signals.Add(new Signal
        {
            Id = $"sig-{record.Timestamp.Ticks}",
            Kind = SignalKind.Anomaly,
            Entity = "svc",
            Indicator = "m",
            Detector = "test",
            Score = 1,
            Onset = record.Timestamp,
            Timestamp = record.Timestamp,
            Fingerprint = "anomaly:svc/m",
        });
    }

    /// <summary>Records what it was shown, in minutes after T0, and how far its clock went.</summary>
    private sealed class RecordingCorrelator : ICorrelator
    {
        public List<double> Observed { get; } = [];

        public DateTimeOffset Clock { get; private set; } = DateTimeOffset.MinValue;

        public IReadOnlyCollection<Incident> OpenIncidents => [];

        public void Observe(Signal signal, ICollection<IncidentChange> changes) => Observed.Add((signal.Timestamp - T0).TotalMinutes);

        public void AdvanceTo(DateTimeOffset now, ICollection<IncidentChange> changes) => Clock = now > Clock ? now : Clock;

        public void Restore(IEnumerable<Incident> incidents)
        {
        }
    }

    private sealed class NoCauses : IRootCauseAnalyzer
    {
        public RootCauseReport Analyze(Incident incident, DependencyGraph topology) => new(null, [], "none");
    }
}
