using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Otlp;

/// <summary>OTLP log records to <see cref="LogRecord"/>s and spans to <see cref="SpanRecord"/>s.</summary>
internal static class OtlpLogsAndSpansMapper
{
    private static readonly string[] SpanKinds = ["SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"];
    private static readonly string[] StatusCodes = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"];
    internal static readonly string[] PeerKeys = ["peer.service", "server.address", "net.peer.name", "rpc.service", "db.system", "messaging.destination.name"];
    internal const int ClientKind = 3;
    internal const int ProducerKind = 4;
    internal const int ErrorStatus = 2;

    public static string? MapLogs(JsonElement resourceLogs, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        foreach (var block in resourceLogs.EnumerateArray())
        {
            if (block.ValueKind != JsonValueKind.Object)
            {
                return "resourceLogs entry is not an object";
            }

            var otlpResource = OtlpJson.Resource(block);
            var resourceLabels = otlpResource.Labels;
            var resource = otlpResource.Entity;
            foreach (var scope in OtlpJsonDecoder.Scopes(block, "scopeLogs", "instrumentationLibraryLogs"))
            {
                foreach (var log in scope.Array("logRecords")?.EnumerateArraySafe() ?? [])
                {
                    if (log.ValueKind != JsonValueKind.Object)
                    {
                        return "logRecords entry is not an object";
                    }

                    // timeUnixNano is optional; the collector's observed time stands in for it, as the spec says.
                    if ((OtlpJson.UnixNanos(log, "timeUnixNano") ?? OtlpJson.UnixNanos(log, "observedTimeUnixNano") ?? fallbackTime) is not { } time)
                    {
                        return "log record without timeUnixNano or observedTimeUnixNano, and the message has no timestamp";
                    }

                    var items = Labels.Rent();
                    OtlpJson.AddAttributes(log, items);
                    AddIfPresent(items, "trace_id", log.String("traceId"));
                    AddIfPresent(items, "span_id", log.String("spanId"));
                    var attributes = Labels.BuildAndReturn(items);
                    output.Add(new LogRecord
                    {
                        Timestamp = time,
                        Resource = attributes.Count == 0 ? resource : EntityResolver.FromLookup((attributes, resourceLabels), static (s, k) => s.resourceLabels.Get(k) ?? s.attributes.Get(k)),
                        Severity = Severity(log),
                        Body = (log.Child("body") is { } body ? OtlpJson.AnyValue(body) : null) ?? string.Empty,
                        Attributes = attributes,
                    });
                }
            }
        }

        return null;
    }

    public static string? MapSpans(JsonElement resourceSpans, ICollection<TelemetryRecord> output)
    {
        foreach (var block in resourceSpans.EnumerateArray())
        {
            if (block.ValueKind != JsonValueKind.Object)
            {
                return "resourceSpans entry is not an object";
            }

            var otlpResource = OtlpJson.Resource(block);
            var resource = otlpResource.Entity;
            var service = otlpResource.Service;
            foreach (var scope in OtlpJsonDecoder.Scopes(block, "scopeSpans", "instrumentationLibrarySpans"))
            {
                foreach (var span in scope.Array("spans")?.EnumerateArraySafe() ?? [])
                {
                    if (MapSpan(span, service, resource, output) is { } error)
                    {
                        return error;
                    }
                }
            }
        }

        return null;
    }

    private static string? MapSpan(JsonElement span, string service, Resource resource, ICollection<TelemetryRecord> output)
    {
        if (span.ValueKind != JsonValueKind.Object)
        {
            return "spans entry is not an object";
        }

        var traceId = span.String("traceId");
        var spanId = span.String("spanId");
        if (string.IsNullOrEmpty(traceId) || string.IsNullOrEmpty(spanId))
        {
            return "span without traceId or spanId";
        }

        if (OtlpJson.UnixNanos(span, "startTimeUnixNano") is not { } start)
        {
            return $"span {spanId} has no startTimeUnixNano";
        }

        var end = OtlpJson.UnixNanos(span, "endTimeUnixNano") ?? start;
        var kind = OtlpJson.Enum(span, "kind", SpanKinds);
        var status = span.Object("status") is { } s ? OtlpJson.Enum(s, "code", StatusCodes) : 0;
        string? peer = null;
        if (kind is ClientKind or ProducerKind)
        {
            var attributes = OtlpJson.Attributes(span);
            foreach (var key in PeerKeys)
            {
                if (attributes.Get(key) is { Length: > 0 } value)
                {
                    peer = value;
                    break;
                }
            }
        }

        output.Add(new SpanRecord
        {
            Timestamp = start,
            Resource = resource,
            TraceId = traceId,
            SpanId = spanId,
            ParentSpanId = span.String("parentSpanId") is { Length: > 0 } parent ? parent : null,
            Service = service,
            Operation = span.String("name") ?? string.Empty,
            Duration = end > start ? end - start : TimeSpan.Zero,
            IsError = status == ErrorStatus,
            PeerService = peer,
        });
        return null;
    }

    private static Severity Severity(JsonElement log)
    {
        var number = log.Child("severityNumber") is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var v) ? v : 0;
        if (OtlpSeverity.FromNumber(number) is var fromNumber and not Core.Model.Severity.Unknown)
        {
            return fromNumber;
        }

        // Some encoders write the enum's name ("SEVERITY_NUMBER_WARN2") instead of its number.
        if (log.Child("severityNumber") is { ValueKind: JsonValueKind.String } name && name.GetString() is { } text &&
            text.StartsWith("SEVERITY_NUMBER_", StringComparison.Ordinal))
        {
            var parsed = SeverityParser.Parse(text["SEVERITY_NUMBER_".Length..].TrimEnd('2', '3', '4'));
            if (parsed != Core.Model.Severity.Unknown)
            {
                return parsed;
            }
        }

        return SeverityParser.Parse(log.String("severityText"));
    }

    private static void AddIfPresent(List<KeyValuePair<string, string>> items, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            items.Add(new(key, value));
        }
    }
}
