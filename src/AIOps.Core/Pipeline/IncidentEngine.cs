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

    /// <summary>Runs the records through every stage; returns once every result was accepted by the sinks.</summary>
    public async ValueTask ProcessAsync(IReadOnlyList<TelemetryRecord> records, CancellationToken cancellationToken)
    {
        _signals.Clear();
        foreach (var record in records)
        {
            if (record.Timestamp > Watermark)
            {
                Watermark = record.Timestamp;
            }

            _detector.Observe(record, _signals);
        }

        _changes.Clear();
        foreach (var signal in _signals)
        {
            foreach (var sink in _signalSinks)
            {
                await sink.PublishAsync(signal, cancellationToken).ConfigureAwait(false);
            }

            _correlator.Observe(signal, _changes);
        }

        if (Watermark != DateTimeOffset.MinValue)
        {
            _correlator.AdvanceTo(Watermark - _allowedLateness, _changes);
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
        _correlator.AdvanceTo(Watermark, _changes);
        await PublishAsync(cancellationToken).ConfigureAwait(false);
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
