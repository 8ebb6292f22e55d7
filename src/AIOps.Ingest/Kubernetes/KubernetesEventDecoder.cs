using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Kubernetes;

/// <summary>
/// Kubernetes Events as event exporters write them: core/v1 (<c>involvedObject</c>, <c>message</c>, <c>count</c>,
/// <c>firstTimestamp</c>/<c>lastTimestamp</c>) and events.k8s.io/v1 (<c>regarding</c>, <c>note</c>, <c>series.count</c>,
/// <c>eventTime</c>), bare, as an <c>EventList</c>, or in a watch envelope (<c>{"type":"ADDED","object":{...}}</c>;
/// DELETED envelopes are TTL expiry and yield nothing). Classification is in <see cref="KubernetesEventClassifier"/>.
/// </summary>
internal sealed class KubernetesEventDecoder : JsonDecoder
{
    public const string Source = "kubernetes";

    public override string Format => DecoderFormats.KubernetesEvent;

    protected override bool AllowMultipleValues => true;

    protected override string? Map(JsonElement root, in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "event is not a JSON object";
        }

        if (root.Object("object") is { } wrapped && root.String("type") is { } watchType)
        {
            return watchType == "DELETED" ? null : MapEvent(wrapped, message.Timestamp, output);
        }

        if (root.String("kind") == "EventList")
        {
            var index = 0;
            foreach (var item in (root.Array("items") ?? default).EnumerateArraySafe())
            {
                if (MapEvent(item, message.Timestamp, output) is { } error)
                {
                    return $"items[{index}]: {error}";
                }

                index++;
            }

            return null;
        }

        return MapEvent(root, message.Timestamp, output);
    }

    private static string? MapEvent(JsonElement e, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return "event is not a JSON object";
        }

        if ((e.Object("regarding") ?? e.Object("involvedObject")) is not { } target)
        {
            return "event has no involvedObject or regarding";
        }

        var metadata = e.Object("metadata");
        var objectKind = target.String("kind") ?? "Object";
        var objectName = target.String("name") ?? string.Empty;
        var ns = target.String("namespace") ?? metadata?.String("namespace");
        var reason = e.String("reason") ?? "Unknown";
        var type = e.String("type") ?? "Normal";
        var note = e.FirstString("note", "message") ?? string.Empty;
        var count = e.Object("series")?.String("count") ?? e.FirstString("count", "deprecatedCount") ?? "1";
        var component = e.Object("source")?.String("component") ?? e.Object("deprecatedSource")?.String("component") ?? e.FirstString("reportingController", "reportingComponent");
        var host = e.Object("source")?.String("host") ?? e.Object("deprecatedSource")?.String("host") ??
                   (component is "kubelet" ? e.String("reportingInstance") : null);

        var timestamp = ReadTime(e, metadata) ?? fallbackTime;
        if (timestamp is null)
        {
            return "event has no timestamp (lastTimestamp, eventTime, series, firstTimestamp) and the message has none";
        }

        var workload = KubernetesEventClassifier.Workload(objectKind, objectName);
        var items = Labels.Rent();
        items.Add(new("k8s.object.kind", objectKind));
        items.Add(new("k8s.object.name", objectName));
        items.Add(new("reason", reason));
        items.Add(new("type", type));
        Add(items, "k8s.namespace.name", ns);
        Add(items, "k8s.pod.name", objectKind == "Pod" ? objectName : null);
        Add(items, "k8s.node.name", objectKind == "Node" ? objectName : host);
        Add(items, "k8s.deployment.name", workload);
        Add(items, "component", component);
        var labels = Labels.BuildAndReturn(items);

        var (kind, severity) = KubernetesEventClassifier.Classify(type, reason);
        var title = $"{reason} {objectKind}/{objectName}" + (note.Length > 0 ? ": " + note : string.Empty);
        output.Add(new EventRecord
        {
            Source = Source,

            // Repeats of one event (count++) and re-sends share the fingerprint, so correlation deduplicates them.
            Fingerprint = StableHash.Hex(StableHash.Of(string.Join('/', objectKind, ns, objectName, reason))),
            Status = EventStatus.Firing,
            Severity = severity,
            Kind = kind,
            Title = title.Length > 300 ? title[..300] : title,
            Labels = labels,
            Annotations = Annotations(note, count),
            Timestamp = timestamp.Value,
            Resource = EntityResolver.FromLabels(labels),
        });
        return null;
    }

    private static DateTimeOffset? ReadTime(JsonElement e, JsonElement? metadata)
    {
        if (e.Object("series") is { } series && series.TryGetTimestamp("lastObservedTime", out var observed))
        {
            return observed;
        }

        foreach (var key in (ReadOnlySpan<string>)["lastTimestamp", "deprecatedLastTimestamp", "eventTime", "firstTimestamp", "deprecatedFirstTimestamp"])
        {
            if (e.TryGetTimestamp(key, out var value))
            {
                return value;
            }
        }

        return metadata is { } m && m.TryGetTimestamp("creationTimestamp", out var created) ? created : null;
    }

    private static LabelSet Annotations(string note, string count)
    {
        var items = Labels.Rent();
        items.Add(new("message", note));
        items.Add(new("count", count));
        return Labels.BuildAndReturn(items);
    }

    private static void Add(List<KeyValuePair<string, string>> items, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            items.Add(new(key, value));
        }
    }
}
