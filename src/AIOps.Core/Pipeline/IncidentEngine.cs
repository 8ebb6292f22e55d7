using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Topology;

namespace AIOps.Core.Pipeline;

/// <summary>
/// Detect, correlate, rank causes, publish: the stages after decoding, wired together.
/// Single-threaded by contract (one consume loop calls it); the buffers are reused between calls.
/// Event time drives it: the watermark is the newest record time seen, so a replay gives the same incidents.
/// </summary>
public sealed class IncidentEngine
{
    private readonly ISignalDetector _detector;
    private readonly ICorrelator _correlator;
    private readonly IRootCauseAnalyzer _analyzer;
    private readonly DependencyGraph _topology;
    private readonly IReadOnlyList<IIncidentSink> _incidentSinks;
    private readonly IReadOnlyList<ISignalSink> _signalSinks;
    private readonly List<Signal> _signals = [];
    private readonly List<IncidentChange> _changes = [];
    // By the event time of the record that raised each signal (a log-rate anomaly is raised when its bucket closes,
    // after the time it is stamped with, as in a live stream), then arrival order: the order the signals would have
    // come in had the topics been read interleaved.
    private readonly PriorityQueue<Signal, (long RaisedAt, long Arrival)> _held = new();
    private long _arrivals;
    private readonly TimeSpan _allowedLateness;

    /// <summary>
    /// Topics and partitions are consumed at different paces, so event time is only roughly ordered: the
    /// lifecycle clock trails the newest event by this much, so a late signal still finds its incident open.
    /// </summary>
    public static readonly TimeSpan DefaultAllowedLateness = TimeSpan.FromMinutes(2);

    public IncidentEngine(
        ISignalDetector detector,
        ICorrelator correlator,
        IRootCauseAnalyzer analyzer,
        DependencyGraph topology,
        IReadOnlyList<IIncidentSink> incidentSinks,
        IReadOnlyList<ISignalSink>? signalSinks = null,
        TimeSpan? allowedLateness = null)
    {
        _allowedLateness = allowedLateness ?? DefaultAllowedLateness;
        _detector = detector;
        _correlator = correlator;
        _analyzer = analyzer;
        _topology = topology;
        _incidentSinks = incidentSinks;
        _signalSinks = signalSinks ?? [];
    }

    /// <summary>The newest event time seen so far.</summary>
    public DateTimeOffset Watermark { get; private set; } = DateTimeOffset.MinValue;

    public DependencyGraph Topology => _topology;

    public ICorrelator Correlator => _correlator;

    /// <summary>Messages and newest event time per input source (fed by <see cref="ProcessAsync(IReadOnlyList{TelemetryRecord}, string, int, CancellationToken)"/>).</summary>
    public SourceClocks Sources { get; } = new();

    /// <summary>
    /// Optional: the event time the lifecycle clock must not pass yet, or null. The Kafka host sets it from the
    /// consumer's lag: catching up a backlog, a sparse topic (alerts) can deliver hours ahead of the metrics of the same
    /// hours; without a hold its incidents would resolve on their quiet period before their metrics arrived.
    /// </summary>
    public Func<SourceClocks, DateTimeOffset?>? Hold { get; set; }

    /// <summary>
    /// The most a hold may trail the newest event: a catch-up after an outage of up to this long keeps event-time
    /// order, and a partition stuck behind cannot keep incidents from forming (or held signals piling up) for longer.
    /// </summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromHours(6);

    /// <summary>Signals waiting for a partition that is catching up.</summary>
    public int HeldSignals => _held.Count;

    /// <summary>Signals that have waited for a partition catching up, since start.</summary>
    public long SignalsHeldTotal { get; private set; }

    /// <summary>Runs the records through every stage; returns once every result was accepted by the sinks.</summary>
    public ValueTask ProcessAsync(IReadOnlyList<TelemetryRecord> records, CancellationToken cancellationToken) =>
        ProcessAsync(records, string.Empty, 0, cancellationToken);

    /// <summary>As the overload without a source, for the records of one message from that topic and partition.</summary>
    public async ValueTask ProcessAsync(IReadOnlyList<TelemetryRecord> records, string topic, int partition, CancellationToken cancellationToken)
    {
        _signals.Clear();
        DateTimeOffset? newest = null;
        foreach (var record in records)
        {
            if (record.Timestamp > Watermark)
            {
                Watermark = record.Timestamp;
            }

            if (newest is not { } n || record.Timestamp > n)
            {
                newest = record.Timestamp;
            }

            _detector.Observe(record, _signals);
        }

        Sources.Observe(topic, partition, newest);

        _changes.Clear();
        var hold = CurrentHold();
        foreach (var signal in _signals)
        {
            foreach (var sink in _signalSinks)
            {
                await sink.PublishAsync(signal, cancellationToken).ConfigureAwait(false);
            }

            if (hold is not null || _held.Count > 0)
            {
                _held.Enqueue(signal, ((newest ?? signal.Timestamp).UtcTicks, _arrivals++)); // a source is catching up (or was): event-time order
                SignalsHeldTotal++;
            }
            else
            {
                _correlator.Observe(signal, _changes);
            }
        }

        ReleaseHeld(hold);
        if (Watermark != DateTimeOffset.MinValue)
        {
            // The slower of the newest event and a partition catching up, less the lateness a live stream has anyway.
            var clock = (hold is { } h && h < Watermark ? h : Watermark) - _allowedLateness;
            _correlator.AdvanceTo(clock, _changes);
        }

        await PublishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the clock without new records (idle periods in a live stream, end of a replay).</summary>
    public async ValueTask AdvanceToAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now > Watermark)
        {
            Watermark = now;
        }

        _changes.Clear();
        ReleaseHeld(null);
        _correlator.AdvanceTo(Watermark, _changes);
        await PublishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Correlates every held signal now (the consumer went idle: nothing is behind any more), without moving the clock
    /// past the newest event. A no-op when nothing is held.
    /// </summary>
    public async ValueTask ReleaseHeldAsync(CancellationToken cancellationToken)
    {
        if (_held.Count == 0)
        {
            return;
        }

        _changes.Clear();
        ReleaseHeld(null);
        _correlator.AdvanceTo(Watermark - _allowedLateness, _changes);
        await PublishAsync(cancellationToken).ConfigureAwait(false);
    }

    private DateTimeOffset? CurrentHold()
    {
        if (Hold?.Invoke(Sources) is not { } hold || Watermark == DateTimeOffset.MinValue)
        {
            return null;
        }

        var floor = Watermark - MaxHold;
        return hold < floor ? floor : hold;
    }

    /// <summary>Held signals up to <paramref name="hold"/> (all when null) go to the correlator, oldest first.</summary>
    private void ReleaseHeld(DateTimeOffset? hold)
    {
        while (_held.TryPeek(out _, out var at) && (hold is not { } h || at.RaisedAt <= h.UtcTicks))
        {
            _correlator.Observe(_held.Dequeue(), _changes);
        }
    }

    private async ValueTask PublishAsync(CancellationToken cancellationToken)
    {
        foreach (var change in _changes)
        {
            var incident = change.Incident with { RootCause = _analyzer.Analyze(change.Incident, _topology) };
            foreach (var sink in _incidentSinks)
            {
                await sink.PublishAsync(incident, cancellationToken).ConfigureAwait(false);
            }
        }

        _changes.Clear();
    }
}
