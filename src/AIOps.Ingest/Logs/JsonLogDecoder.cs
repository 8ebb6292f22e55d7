using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Logs;

/// <summary>
/// JSON log lines as Fluent Bit's and Vector's Kafka outputs write them (one object per message, or NDJSON, or an array):
/// body from <c>message</c>/<c>log</c>/<c>msg</c>; level from <c>level</c>/<c>severity</c>/<c>log.level</c>/ECS
/// <c>log.level</c>; time from <c>@timestamp</c>/<c>timestamp</c>/<c>time</c>/<c>date</c> (RFC 3339 or epoch seconds);
/// resource from <c>kubernetes{...}</c> (Fluent Bit's and Vector's spellings), <c>host</c> and <c>service</c>.
/// Objects shaped as change events (see <see cref="ChangeEventMapper"/>) become <see cref="EventRecord"/>s.
/// The highest-volume JSON format, so it reads the payload with <see cref="Utf8JsonReader"/> and
/// <see cref="JsonFields"/> instead of a <see cref="JsonDocument"/>, with the same records and reasons.
/// </summary>
internal sealed class JsonLogDecoder : JsonValuesDecoder
{
    private const int PodLabelCacheCapacity = 4096;

    private static readonly string[] BodyKeys = ["message", "log", "msg", "MESSAGE", "body"];
    private static readonly string[] LevelKeys = ["level", "severity", "log.level", "lvl", "loglevel", "levelname", "severity_text", "PRIORITY"];
    private static readonly string[] TimeKeys = ["@timestamp", "timestamp", "time", "date", "ts"];

    // Every line a pod writes carries the same labels object: its set is built once per distinct object text (the
    // set depends on nothing else, and text that fails to decode is never cached, so results are unchanged).
    private readonly Utf8KeyCache<LabelSet> _podLabels = new(PodLabelCacheCapacity);

    public override string Format => DecoderFormats.JsonLog;

    protected override string? DecodeAll(in InboundMessage message, ICollection<TelemetryRecord> output) => DecodeMany(message, output);

    protected override string? MapValue(ref Utf8JsonReader reader, in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var kind = reader.TokenType;
        var start = (int)reader.TokenStartIndex;

        // An object is indexed as it is read (one pass, which validates it whole before anything is mapped);
        // anything else is read through first, then mapped from its text.
        using var root = kind == JsonTokenType.StartObject ? JsonFields.Read(ref reader, message.Payload) : null;
        if (root is null)
        {
            reader.Skip();
        }

        try
        {
            return kind == JsonTokenType.StartArray
                ? MapArray(message.Payload[start..(int)reader.BytesConsumed], message.Timestamp, output)
                : MapOne(root, message.Timestamp, output);
        }
        catch (InvalidOperationException ex)
        {
            return UnexpectedShape(ex);
        }
    }

    private string? MapArray(ReadOnlyMemory<byte> array, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        var items = new JsonArrayItems(array);
        var index = 0;
        while (items.MoveNext(out var kind, out var item))
        {
            using var fields = kind == JsonTokenType.StartObject ? JsonFields.Read(item) : null;
            var error = MapOne(fields, fallbackTime, output);
            if (error is not null)
            {
                return $"[{index}]: {error}";
            }

            index++;
        }

        return null;
    }

    // root: the line's members, or null when the line is not an object.
    private string? MapOne(JsonFields? root, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        if (root is null)
        {
            return "log line is not a JSON object";
        }

        var timestamp = ReadTime(root) ?? fallbackTime;
        if (ChangeEventMapper.IsChangeEvent(root))
        {
            return ChangeEventMapper.Map(root, timestamp, output);
        }

        string? body = null;
        string? bodyKey = null;
        foreach (var key in BodyKeys)
        {
            var at = root.LastIndexOf(key);
            if (at >= 0 && root.Kind(at) == JsonTokenType.String)
            {
                body = root.GetString(at);
                bodyKey = key;
                break;
            }
        }

        if (body is null)
        {
            return "log line has no message, log or msg string";
        }

        if (timestamp is null)
        {
            return "log line has no timestamp and the message has none";
        }

        var attributes = Labels.Rent();
        var podLabels = LabelSet.Empty;
        for (var i = 0; i < root.Count; i++)
        {
            if (root.NameEquals(i, bodyKey!) || IsTimeKey(root, i))
            {
                continue;
            }

            if (root.NameEquals(i, "kubernetes") && root.Kind(i) == JsonTokenType.StartObject)
            {
                using var k8s = root.Object(i)!;
                podLabels = AddKubernetes(k8s, attributes);
            }
            else if (root.Scalar(i) is { } scalar)
            {
                attributes.Add(new(root.Name(i), scalar));
            }
            else if (root.NameEquals(i, "log") && root.Kind(i) == JsonTokenType.StartObject)
            {
                using var log = root.Object(i)!;
                log.AddScalars(attributes, "log."); // ECS nests log.level here
            }
        }

        var labels = Labels.BuildAndReturn(attributes);
        var level = FirstOf(labels, LevelKeys);
        output.Add(new LogRecord
        {
            Timestamp = timestamp.Value,
            Severity = level is null ? LevelSniffer.FromBody(body) : ParseLevel(level),
            Body = body,
            Attributes = labels,
            Resource = EntityResolver.FromLookup((labels, podLabels), static (s, key) => Lookup(s.labels, s.podLabels, key)),
        });
        return null;
    }

    private static bool IsTimeKey(JsonFields fields, int index)
    {
        foreach (var key in TimeKeys)
        {
            if (fields.NameEquals(index, key))
            {
                return true;
            }
        }

        return false;
    }

    private static DateTimeOffset? ReadTime(JsonFields root)
    {
        foreach (var key in TimeKeys)
        {
            var at = root.LastIndexOf(key);
            if (at >= 0 && root.TryGetTimestamp(at, out var value))
            {
                return value;
            }
        }

        return null;
    }

    // Fluent Bit: pod_name, namespace_name, container_name, host, labels.
    // Vector: pod_name, pod_namespace, container_name, pod_node_name, pod_labels.
    private LabelSet AddKubernetes(JsonFields k8s, List<KeyValuePair<string, string>> attributes)
    {
        Add(attributes, "k8s.pod.name", k8s.String("pod_name"));
        Add(attributes, "k8s.namespace.name", k8s.FirstString("namespace_name", "pod_namespace"));
        Add(attributes, "k8s.container.name", k8s.String("container_name"));
        Add(attributes, "k8s.node.name", k8s.FirstString("host", "pod_node_name"));
        Add(attributes, "container.image.name", k8s.FirstString("container_image", "image"));
        return ObjectAt(k8s, "labels") is var fluent and >= 0 ? PodLabels(k8s, fluent)
            : ObjectAt(k8s, "pod_labels") is var vector and >= 0 ? PodLabels(k8s, vector)
            : LabelSet.Empty;
    }

    // The last member of that name when it is an object (as JsonElement.Object), else -1.
    private static int ObjectAt(JsonFields fields, string name) =>
        fields.LastIndexOf(name) is var at and >= 0 && fields.Kind(at) == JsonTokenType.StartObject ? at : -1;

    private LabelSet PodLabels(JsonFields k8s, int index)
    {
        if (_podLabels.TryGet(k8s.Raw(index), out var cached))
        {
            return cached;
        }

        using var labels = k8s.Object(index)!;
        var set = labels.ToLabels();
        _podLabels.Add(k8s.Raw(index), set);
        return set;
    }

    private static void Add(List<KeyValuePair<string, string>> attributes, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            attributes.Add(new(key, value));
        }
    }

    // The resolver's keys, answered from the attributes first, then the pod's labels (app, app.kubernetes.io/name),
    // then the container name, which names the service when nothing better does.
    private static string? Lookup(LabelSet attributes, LabelSet podLabels, string key) =>
        attributes.Get(key) ?? podLabels.Get(key) ?? (key == "container_name" ? attributes.Get("k8s.container.name") : null);

    private static string? FirstOf(LabelSet labels, string[] keys)
    {
        foreach (var key in keys)
        {
            if (labels.Get(key) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    // journald's PRIORITY and some shippers use syslog numbers (0 emerg .. 7 debug).
    private static Severity ParseLevel(string level) =>
        level.Length == 1 && char.IsAsciiDigit(level[0]) ? SyslogSeverity.FromCode(level[0] - '0') : SeverityParser.Parse(level);
}
