using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Alertmanager;

/// <summary>
/// Alertmanager webhook payload, version 4: one <see cref="EventRecord"/> (kind Alert) per entry of <c>alerts</c>.
/// The fingerprint is Alertmanager's own when present, else a stable hash of the sorted labels, so repeats
/// of the same alert deduplicate. Firing alerts are stamped with <c>startsAt</c>, resolved ones with <c>endsAt</c>
/// (Go's zero time "0001-01-01T00:00:00Z" means unset). Severity comes from the <c>severity</c> label.
/// </summary>
internal sealed class AlertmanagerDecoder : JsonDecoder
{
    public const string Source = "alertmanager";

    public override string Format => DecoderFormats.Alertmanager;

    protected override string? Map(JsonElement root, in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "webhook payload is not a JSON object";
        }

        var version = root.String("version");
        if (version is not null && version != "4")
        {
            return $"unsupported webhook version '{version}' (expected 4)";
        }

        if (root.Array("alerts") is not { } alerts)
        {
            return "webhook payload has no alerts array";
        }

        var groupStatus = root.String("status");
        var receiver = root.String("receiver");
        var index = 0;
        foreach (var alert in alerts.EnumerateArray())
        {
            var error = MapAlert(alert, index++, groupStatus, receiver, message.Timestamp, output);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? MapAlert(JsonElement alert, int index, string? groupStatus, string? receiver, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        if (alert.ValueKind != JsonValueKind.Object)
        {
            return $"alerts[{index}] is not an object";
        }

        var labels = alert.Labels("labels");

        // One build with the two extra keys appended: the same set (last value wins) as two LabelSet.With calls.
        var annotationItems = Labels.Rent();
        if (alert.Object("annotations") is { } annotationObject)
        {
            Json.AddScalars(annotationObject, annotationItems, prefix: null, skip: null);
        }

        if (alert.String("generatorURL") is { Length: > 0 } generator)
        {
            annotationItems.Add(new("generatorURL", generator));
        }

        if (receiver is not null)
        {
            annotationItems.Add(new("receiver", receiver));
        }

        var annotations = Labels.BuildAndReturn(annotationItems);

        var statusText = alert.String("status") ?? groupStatus;
        EventStatus status;
        switch (statusText)
        {
            case "firing":
                status = EventStatus.Firing;
                break;
            case "resolved":
                status = EventStatus.Resolved;
                break;
            default:
                return $"alerts[{index}] has status '{statusText}' (expected firing or resolved)";
        }

        var startsAt = ReadTime(alert, "startsAt");
        var endsAt = ReadTime(alert, "endsAt");
        var timestamp = status == EventStatus.Resolved ? endsAt ?? startsAt : startsAt;
        timestamp ??= fallbackTime;
        if (timestamp is null)
        {
            return $"alerts[{index}] has no startsAt/endsAt and the message has no timestamp";
        }

        var fingerprint = alert.String("fingerprint");
        if (string.IsNullOrEmpty(fingerprint))
        {
            fingerprint = StableHash.Hex(StableHash.Of(string.Empty, labels));
        }

        output.Add(new EventRecord
        {
            Source = Source,
            Fingerprint = fingerprint,
            Status = status,
            Severity = SeverityParser.Parse(labels.Get("severity")),
            Kind = EventKind.Alert,
            Title = annotations.Get("summary") ?? labels.Get("alertname") ?? "alert " + fingerprint,
            Labels = labels,
            Annotations = annotations,
            Timestamp = timestamp.Value,
            Resource = EntityResolver.FromLabels(labels),
        });
        return null;
    }

    // Go's zero time marks "not set" in Alertmanager's JSON.
    private static DateTimeOffset? ReadTime(JsonElement alert, string name) =>
        alert.TryGetTimestamp(name, out var value) && value.Year > 1 ? value : null;
}
