using System.Text.Json;
using AIOps.Core.Ports;
using AIOps.Ingest.Influx;

namespace AIOps.Ingest.Routing;

/// <summary>
/// Picks a format for a message on an <c>auto</c> topic: headers first (content type, CloudEvents binary mode),
/// then the payload's shape. JSON is told apart by its top-level keys (the first element's, for an array),
/// read with a forward-only reader that skips nested values.
/// </summary>
internal static class FormatDetector
{
    private const int MaxKeys = 64;

    /// <summary>The detected format name, or null with a reason.</summary>
    public static string? Detect(in InboundMessage message, out string reason)
    {
        reason = string.Empty;
        if (message.Headers.Count > 0 && FromHeaders(message) is { } byHeader)
        {
            return byHeader;
        }

        var raw = message.Payload.Span;
        if (LooksLikeProtobuf(raw))
        {
            return DecoderFormats.OtlpProto;
        }

        var payload = TrimStart(raw);
        if (payload.IsEmpty)
        {
            reason = "could not detect format: empty payload";
            return null;
        }

        switch (payload[0])
        {
            case (byte)'{' or (byte)'[':
                return FromJson(payload, out reason);
            case (byte)'<' when payload.Length > 1 && char.IsAsciiDigit((char)payload[1]):
                return DecoderFormats.Syslog;
        }

        if (LineProtocolReader.LooksLikeLineProtocol(payload))
        {
            return DecoderFormats.Influx;
        }

        reason = "could not detect format: not JSON, syslog, OTLP protobuf or line protocol";
        return null;
    }

    /// <summary>Whether headers carry a binary-mode CloudEvent (the payload is then only its data).</summary>
    public static bool IsCloudEventsBinary(in InboundMessage message) =>
        message.Headers.Count > 0 && (message.Header("ce_specversion") is not null || message.Header("ce-specversion") is not null);

    private static string? FromHeaders(in InboundMessage message)
    {
        if (IsCloudEventsBinary(message))
        {
            return DecoderFormats.CloudEvents;
        }

        var contentType = message.Header("content-type") ?? message.Header("content_type");
        if (contentType is null)
        {
            return null;
        }

        if (contentType.Contains("cloudevents", StringComparison.OrdinalIgnoreCase))
        {
            return DecoderFormats.CloudEvents;
        }

        if (contentType.Contains("protobuf", StringComparison.OrdinalIgnoreCase))
        {
            return DecoderFormats.OtlpProto;
        }

        return null;
    }

    // Protobuf field 1, length-delimited (0x0A): resource_metrics / resource_logs / resource_spans of an OTLP
    // export request. 0x0A is also '\n', so text is ruled out by control bytes, which text formats never carry.
    private static bool LooksLikeProtobuf(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 2 || raw[0] != 0x0A)
        {
            return false;
        }

        foreach (var b in raw[1..Math.Min(raw.Length, 64)])
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> payload)
    {
        if (payload.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            payload = payload[3..];
        }

        return payload.TrimStart(" \t\r\n"u8);
    }

    private static string? FromJson(ReadOnlySpan<byte> payload, out string reason)
    {
        var keys = default(JsonKeys);
        try
        {
            keys = JsonKeys.Read(payload, MaxKeys);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A truncated tail does not matter when the keys already seen decide the format.
        }

        reason = string.Empty;
        if (keys.Count == 0)
        {
            reason = "could not detect format: JSON without a readable top-level object";
            return null;
        }

        if (keys.Has("specversion"))
        {
            return DecoderFormats.CloudEvents;
        }

        if (keys.Has("resourceMetrics") || keys.Has("resourceLogs") || keys.Has("resourceSpans"))
        {
            return DecoderFormats.OtlpJson;
        }

        if (keys.Has("alerts") && (keys.Has("version") || keys.Has("groupKey") || keys.Has("receiver")))
        {
            return DecoderFormats.Alertmanager;
        }

        if (keys.Has("involvedObject") || (keys.Has("regarding") && (keys.Has("note") || keys.Has("reason"))) ||
            keys.Kind is "Event" or "EventList" || (keys.Has("object") && keys.Type is "ADDED" or "MODIFIED" or "DELETED"))
        {
            return DecoderFormats.KubernetesEvent;
        }

        if (keys.Has("name") && keys.Has("value") && keys.Has("labels"))
        {
            return DecoderFormats.PrometheusJson;
        }

        if ((keys.Has("fields") && keys.Has("name") && keys.Has("tags")) || (keys.Has("metrics") && keys.Count <= 2))
        {
            return DecoderFormats.TelegrafJson;
        }

        if (keys.Kind is "deploy" or "deployment" or "change" or "config" or "release" or "rollback" ||
            keys.Type is "deployment" or "deploy" or "change" ||
            keys.Has("message") || keys.Has("log") || keys.Has("msg") || keys.Has("MESSAGE"))
        {
            return DecoderFormats.JsonLog;
        }

        reason = $"could not detect format: JSON with top-level keys [{keys.Describe()}] matches no known shape";
        return null;
    }
}
