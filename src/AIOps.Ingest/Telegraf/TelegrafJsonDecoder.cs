using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Telegraf;

/// <summary>
/// Telegraf's <c>json</c> data format: one metric <c>{"fields":{...},"name":"cpu","tags":{...},"timestamp":1764259200}</c>
/// or a batch <c>{"metrics":[...]}</c> (<c>use_batch_format</c>). Like the influx decoder, each numeric or boolean field
/// becomes a point <c>name_field</c> labelled with the tags; string fields are skipped and counted. The timestamp unit
/// follows <c>json_timestamp_units</c>, which the payload does not carry, so it is inferred from the magnitude.
/// </summary>
internal sealed class TelegrafJsonDecoder : JsonDecoder
{
    public override string Format => DecoderFormats.TelegrafJson;

    protected override bool AllowMultipleValues => true;

    protected override string? Map(JsonElement root, in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        if (root.Array("metrics") is { } batch)
        {
            var index = 0;
            foreach (var metric in batch.EnumerateArray())
            {
                if (MapMetric(metric, message.Timestamp, output) is { } error)
                {
                    return $"metrics[{index}]: {error}";
                }

                index++;
            }

            return null;
        }

        return MapMetric(root, message.Timestamp, output);
    }

    private static string? MapMetric(JsonElement metric, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        if (metric.ValueKind != JsonValueKind.Object)
        {
            return "metric is not a JSON object";
        }

        if (metric.String("name") is not { Length: > 0 } name)
        {
            return "metric has no name";
        }

        if (metric.Object("fields") is not { } fields)
        {
            return $"metric '{name}' has no fields object";
        }

        DateTimeOffset timestamp;
        if (metric.Child("timestamp") is { } rawTime)
        {
            if (!Json.TryGetTimestamp(rawTime, out timestamp))
            {
                return $"metric '{name}' has an unreadable timestamp";
            }
        }
        else if (fallbackTime is { } fallback)
        {
            timestamp = fallback;
        }
        else
        {
            return $"metric '{name}' has no timestamp and the message has none";
        }

        var labels = metric.Labels("tags");
        var resource = EntityResolver.FromLabels(labels);
        foreach (var field in fields.EnumerateObject())
        {
            if (field.Value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                Json.TryGetDouble(field.Value, out var value);
                output.Add(new MetricPoint
                {
                    Name = string.Concat(name, "_", field.Name),
                    Labels = labels,
                    Value = value,
                    Timestamp = timestamp,
                    Resource = resource,
                });
            }
            else
            {
                IngestMetrics.SkippedFields.Add(1);
            }
        }

        return null;
    }
}
