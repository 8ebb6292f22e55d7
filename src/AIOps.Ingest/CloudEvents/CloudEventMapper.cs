using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;
using AIOps.Ingest.Routing;

namespace AIOps.Ingest.CloudEvents;

/// <summary>
/// Turns one CloudEvent into records. Data in a format the engine already decodes (Alertmanager, Kubernetes Event,
/// OTLP, Prometheus or Telegraf JSON, line protocol, syslog; JSON logs when the type mentions "log") goes to that
/// decoder, stamped with the event's time. Otherwise the type decides: "log" types make a <see cref="LogRecord"/>;
/// deploy/release/rollout/change/config types a Change event; alert/incident/alarm/problem types an Alert event;
/// anything else an Info event. Top-level data scalars and extensions become labels.
/// </summary>
internal sealed class CloudEventMapper
{
    private static readonly string[] ChangeWords = ["deploy", "release", "rollout", "rollback", "change", "config"];
    private static readonly string[] AlertWords = ["alert", "incident", "alarm", "problem"];
    private static readonly string[] ResolvedStates = ["resolved", "ok", "closed", "recovered"];

    private readonly Func<string, ITelemetryDecoder?> _inner;

    public CloudEventMapper(Func<string, ITelemetryDecoder?> inner) => _inner = inner;

    public string? Map(CloudEvent e, in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        if (e.SpecVersion is not ("1.0" or "0.3"))
        {
            return $"unsupported specversion '{e.SpecVersion}' (expected 1.0 or 0.3)";
        }

        if (string.IsNullOrEmpty(e.Id) || string.IsNullOrEmpty(e.Source) || string.IsNullOrEmpty(e.Type))
        {
            return "CloudEvent lacks a required attribute (id, source, type)";
        }

        DateTimeOffset timestamp;
        if (e.Time is not null)
        {
            if (!Timestamps.TryParseText(e.Time, out timestamp))
            {
                return $"invalid time attribute '{e.Time}'";
            }
        }
        else if (message.Timestamp is { } fallback)
        {
            timestamp = fallback;
        }
        else
        {
            return "CloudEvent has no time and the message has none";
        }

        var type = e.Type.ToLowerInvariant();
        var bytes = DataBytes(e);
        if (bytes is not null && Delegate(bytes, type, timestamp, message, output, out var delegated))
        {
            return delegated;
        }

        // Binary mode (or data_base64) carrying a JSON object: read it like structured data.
        if (e.Data is null && bytes is not null && bytes.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("{"u8) && Json.TryParse(bytes, out var owned, out _))
        {
            using (owned)
            {
                e.Data = owned!.RootElement;
                return MapByType(e, type, bytes, timestamp, output);
            }
        }

        return MapByType(e, type, bytes, timestamp, output);
    }

    private static string? MapByType(CloudEvent e, string type, byte[]? bytes, DateTimeOffset timestamp, ICollection<TelemetryRecord> output)
    {
        var data = e.Data is { ValueKind: JsonValueKind.Object } obj ? obj : (JsonElement?)null;
        var labels = BuildLabels(e, data);
        var text = data is null ? DataText(e, bytes) : null;
        var resource = EntityResolver.FromLookup((labels, e.Subject), static (s, key) => s.labels.Get(key) ?? (key == "service" ? s.Subject : null));

        if (type.Contains("log", StringComparison.Ordinal))
        {
            var body = data?.FirstString("message", "msg", "log", "body") ?? text ?? (data is { } d ? d.GetRawText() : null);
            if (body is null)
            {
                return "log CloudEvent has no data";
            }

            var level = data?.FirstString("level", "severity") ?? labels.Get("severity");
            output.Add(new LogRecord { Timestamp = timestamp, Resource = resource, Body = body, Severity = SeverityParser.Parse(level), Attributes = labels });
            return null;
        }

        var kind = ContainsAny(type, ChangeWords) ? EventKind.Change : ContainsAny(type, AlertWords) ? EventKind.Alert : EventKind.Info;
        var severity = SeverityParser.Parse(data?.FirstString("severity", "level", "priority") ?? labels.Get("severity"));
        if (severity == Severity.Unknown)
        {
            severity = kind == EventKind.Alert ? Severity.Warning : Severity.Info;
        }

        var state = (data?.FirstString("status", "state") ?? string.Empty).ToLowerInvariant();

        // Alerts: one fingerprint across the firing and resolving events; changes and info: the event's own id.
        var fingerprint = data?.String("fingerprint") ??
            (kind == EventKind.Alert ? StableHash.Hex(StableHash.Of(string.Join('|', e.Source, e.Subject, data?.FirstString("title", "summary", "name")))) : e.Id!);
        output.Add(new EventRecord
        {
            Source = e.Source!,
            Fingerprint = fingerprint,
            Status = Array.IndexOf(ResolvedStates, state) >= 0 ? EventStatus.Resolved : EventStatus.Firing,
            Severity = severity,
            Kind = kind,
            Title = data?.FirstString("title", "summary", "message", "description") ?? text ?? $"{e.Type} {e.Subject}".TrimEnd(),
            Labels = labels,
            Timestamp = timestamp,
            Resource = resource,
        });
        return null;
    }

    private bool Delegate(byte[] bytes, string type, DateTimeOffset timestamp, in InboundMessage message, ICollection<TelemetryRecord> output, out string? error)
    {
        error = null;
        var inner = new InboundMessage(message.Topic, message.Partition, message.Offset, bytes, InboundMessage.NoHeaders, timestamp, message.Key);
        var format = FormatDetector.Detect(inner, out _);
        if (format is null or DecoderFormats.CloudEvents || (format == DecoderFormats.JsonLog && !type.Contains("log", StringComparison.Ordinal)))
        {
            return false;
        }

        if (_inner(format) is not { } decoder)
        {
            return false;
        }

        var result = decoder.Decode(inner, output);
        error = result.Success ? null : $"data ({format}): {result.Error}";
        return true;
    }

    private static byte[]? DataBytes(CloudEvent e)
    {
        if (e.DataBytes is not null)
        {
            return e.DataBytes;
        }

        return e.Data is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } data ? JsonMarshal.GetRawUtf8Value(data).ToArray() : null;
    }

    private static string? DataText(CloudEvent e, byte[]? bytes)
    {
        if (e.Data is { ValueKind: JsonValueKind.String } text)
        {
            return text.GetString();
        }

        return bytes is { Length: > 0 } && bytes.AsSpan().IndexOf((byte)0) < 0 ? Encoding.UTF8.GetString(bytes).Trim() : null;
    }

    private static LabelSet BuildLabels(CloudEvent e, JsonElement? data)
    {
        var items = Labels.Rent();
        items.Add(new("ce.type", e.Type!));
        items.Add(new("ce.source", e.Source!));
        if (e.Subject is not null)
        {
            items.Add(new("ce.subject", e.Subject));
        }

        items.AddRange(e.Extensions);
        if (data is { } d)
        {
            Json.AddScalars(d, items, prefix: null, skip: null);
        }

        return Labels.BuildAndReturn(items);
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
