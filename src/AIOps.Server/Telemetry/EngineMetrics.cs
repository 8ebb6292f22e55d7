using System.Diagnostics;
using System.Diagnostics.Metrics;
using AIOps.Core.Model;
using AIOps.Kafka.Consuming;

namespace AIOps.Server.Telemetry;

/// <summary>
/// The engine's instruments, one set per running engine (so tests and several engines in a process stay apart;
/// OpenTelemetry listens to every meter named <see cref="EngineTelemetry.MeterName"/>). Names follow
/// OpenTelemetry conventions; the Prometheus exporter turns <c>aiops.messages.in</c> into <c>aiops_messages_in_total</c>.
/// </summary>
public sealed class EngineMetrics : IDisposable
{
    // Per-record detection takes microseconds; the default buckets (5 ms and up) would put everything in the first.
    private static readonly double[] DetectionBuckets = [1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 5e-3, 0.025];
    private static readonly double[] MessageBuckets = [1e-5, 5e-5, 1e-4, 5e-4, 1e-3, 5e-3, 0.01, 0.05, 0.1, 0.5, 1, 5];

    private readonly Meter _meter = new(EngineTelemetry.MeterName);
    private readonly Counter<long> _messagesIn;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _messageDuration;
    private readonly Histogram<double> _detectionDuration;
    private readonly Counter<long> _signals;
    private readonly Counter<long> _incidentsPublished;
    private readonly string[] _signalKinds;
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);
    private int _openIncidents;

    public EngineMetrics(Func<IReadOnlyList<PartitionLag>>? lag = null)
    {
        _messagesIn = _meter.CreateCounter<long>("aiops.messages.in", "{message}", "Kafka messages consumed, by topic and decoded format.");
        _deadLettered = _meter.CreateCounter<long>("aiops.messages.dead_lettered", "{message}", "Messages written to the dead-letter topic, by topic and format.");
        _messageDuration = _meter.CreateHistogram("aiops.message.duration", "s", "Time to decode a message and run its records through every stage and sink.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MessageBuckets });
        _detectionDuration = _meter.CreateHistogram("aiops.detection.duration", "s", "Detection time per telemetry record.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DetectionBuckets });
        _signals = _meter.CreateCounter<long>("aiops.signals", "{signal}", "Signals raised by detection, by kind.");
        _incidentsPublished = _meter.CreateCounter<long>("aiops.incidents.published", "{version}", "Incident versions published to the sinks, by change (opened, updated, resolved, merged) and status.");
        _meter.CreateObservableGauge("aiops.incidents.open", () => Volatile.Read(ref _openIncidents), "{incident}", "Incidents open in the correlator.");
        if (lag is not null)
        {
            _meter.CreateObservableGauge("aiops.kafka.consumer.lag", () => ObserveLag(lag()), "{message}", "Messages between the consumer's position and the high watermark, per partition.");
        }

        _signalKinds = [.. Enum.GetNames<SignalKind>().Select(n => n.ToLowerInvariant())];
    }

    /// <summary>The meter instance, for listeners that must tell this engine's instruments from another's.</summary>
    internal Meter Meter => _meter;

    public void MessageProcessed(string topic, string format, bool deadLettered, double seconds)
    {
        var tags = new TagList { { "topic", topic }, { "format", format } };
        _messagesIn.Add(1, tags);
        _messageDuration.Record(seconds);
        if (deadLettered)
        {
            _deadLettered.Add(1, tags);
        }
    }

    public void RecordDetected(double seconds) => _detectionDuration.Record(seconds);

    public void SignalRaised(SignalKind kind)
    {
        var index = (int)kind;
        var name = (uint)index < (uint)_signalKinds.Length ? _signalKinds[index] : kind.ToString().ToLowerInvariant();
        _signals.Add(1, new KeyValuePair<string, object?>("kind", name));
    }

    /// <summary>Tagged with a change class derived from structured fields; the free-text reason would explode cardinality.</summary>
    /// Also tracks which incidents are open: every correlator change is published, so this mirrors its state without
    /// the exporter thread ever touching the correlator (single consume-loop thread writes, the gauge reads a copy).
    public void IncidentPublished(Incident incident)
    {
        _incidentsPublished.Add(1, new TagList { { "change", ChangeClass(incident) }, { "status", incident.Status.ToString().ToLowerInvariant() } });
        var changed = incident.Status == IncidentStatus.Open && incident.MergedInto is null ? _open.Add(incident.Id) : _open.Remove(incident.Id);
        if (changed)
        {
            Volatile.Write(ref _openIncidents, _open.Count);
        }
    }

    internal static string ChangeClass(Incident incident) =>
        incident.MergedInto is not null ? "merged"
        : incident.Status == IncidentStatus.Resolved ? "resolved"
        : incident.Version == 1 ? "opened"
        : "updated";

    /// <summary>The incidents open at start (restored from the store); published versions keep the count current after that.</summary>
    public void SeedOpenIncidents(IEnumerable<Incident> open)
    {
        foreach (var incident in open)
        {
            _open.Add(incident.Id);
        }

        Volatile.Write(ref _openIncidents, _open.Count);
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> ObserveLag(IReadOnlyList<PartitionLag> partitions)
    {
        foreach (var partition in partitions)
        {
            if (partition.Lag >= 0)
            {
                yield return new Measurement<long>(partition.Lag, new("topic", partition.Topic), new("partition", partition.Partition));
            }
        }
    }
}
