using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AIOps.Server.Delivery;

/// <summary>
/// The <c>AIOps.Delivery</c> meter: per-sink counters (tag <c>sink</c>) and gauges of what is waiting. The host's
/// OpenTelemetry or Prometheus exporter listens to it; nothing here references an exporter.
/// </summary>
internal static class DeliveryMetrics
{
    public const string MeterName = "AIOps.Delivery";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<IDeliveryStatus, byte> Sinks = new();

    public static readonly Counter<long> Queued = Meter.CreateCounter<long>("aiops.delivery.queued", "{item}", "Items accepted by a sink's buffer.");
    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>("aiops.delivery.delivered", "{item}", "Items the receiver accepted.");
    public static readonly Counter<long> Retried = Meter.CreateCounter<long>("aiops.delivery.retried", "{attempt}", "Delivery attempts retried after a failure.");
    public static readonly Counter<long> Spilled = Meter.CreateCounter<long>("aiops.delivery.spilled", "{item}", "Items written to the spill file because the buffer was full.");
    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("aiops.delivery.dropped", "{item}", "Items lost: spill file full or rejected permanently.");
    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("aiops.delivery.failures", "{batch}", "Deliveries that failed after every retry (the batch waits and is tried again).");

    static DeliveryMetrics()
    {
        Meter.CreateObservableGauge("aiops.delivery.buffered", () => Observe(static s => s.Counts.InBuffer), "{item}", "Items waiting in memory.");
        Meter.CreateObservableGauge("aiops.delivery.spill_pending", () => Observe(static s => s.Counts.InSpill), "{item}", "Items waiting in the spill file.");
    }

    public static void Register(IDeliveryStatus sink) => Sinks.TryAdd(sink, 0);

    public static void Unregister(IDeliveryStatus sink) => Sinks.TryRemove(sink, out _);

    public static KeyValuePair<string, object?> Tag(string sink) => new("sink", sink);

    private static IEnumerable<Measurement<long>> Observe(Func<IDeliveryStatus, long> value)
    {
        foreach (var sink in Sinks.Keys)
        {
            yield return new Measurement<long>(value(sink), Tag(sink.Name));
        }
    }
}
