using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Otlp;

/// <summary>
/// OTLP/JSON export requests, as the OpenTelemetry Collector's kafkaexporter writes them with
/// <c>encoding: otlp_json</c>: <c>resourceMetrics</c> (<see cref="OtlpMetricsMapper"/>), <c>resourceLogs</c> and
/// <c>resourceSpans</c> (<see cref="OtlpLogsAndSpansMapper"/>). Resource attributes resolve the entity
/// (service.name, host.name, k8s.*), so OTel semantic conventions apply unchanged.
/// </summary>
internal sealed class OtlpJsonDecoder : JsonDecoder
{
    public override string Format => DecoderFormats.OtlpJson;

    protected override bool AllowMultipleValues => true;

    protected override string? Map(JsonElement root, in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "OTLP export request is not a JSON object";
        }

        var found = false;
        if (root.Array("resourceMetrics") is { } metrics)
        {
            found = true;
            if (OtlpMetricsMapper.Map(metrics, message.Timestamp, output) is { } error)
            {
                return error;
            }
        }

        if (root.Array("resourceLogs") is { } logs)
        {
            found = true;
            if (OtlpLogsAndSpansMapper.MapLogs(logs, message.Timestamp, output) is { } error)
            {
                return error;
            }
        }

        if (root.Array("resourceSpans") is { } spans)
        {
            found = true;
            if (OtlpLogsAndSpansMapper.MapSpans(spans, output) is { } error)
            {
                return error;
            }
        }

        return found ? null : "no resourceMetrics, resourceLogs or resourceSpans array";
    }

    /// <summary>scopeX entries of a resource block, also under their pre-1.0 instrumentationLibraryX names.</summary>
    internal static IEnumerable<JsonElement> Scopes(JsonElement block, string scopeKey, string legacyKey) =>
        (block.Array(scopeKey) ?? block.Array(legacyKey))?.EnumerateArraySafe() ?? [];
}
