using System.Globalization;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Otlp;

/// <summary>
/// OTLP metrics to points: gauge and sum data points keep the metric name; histograms become
/// <c>name_count</c>, <c>name_sum</c> and cumulative <c>name_bucket{le=...}</c> (the Prometheus convention, so
/// quantiles can be estimated downstream); exponential histograms <c>_count</c>/<c>_sum</c>; summaries
/// <c>name{quantile=...}</c> plus <c>_count</c>/<c>_sum</c>. Labels are resource attributes overlaid by point attributes.
/// </summary>
internal static class OtlpMetricsMapper
{
    public static string? Map(JsonElement resourceMetrics, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        foreach (var block in resourceMetrics.EnumerateArray())
        {
            if (block.ValueKind != JsonValueKind.Object)
            {
                return "resourceMetrics entry is not an object";
            }

            var resource = OtlpJson.Resource(block).Labels;
            foreach (var scope in OtlpJsonDecoder.Scopes(block, "scopeMetrics", "instrumentationLibraryMetrics"))
            {
                foreach (var metric in scope.Array("metrics")?.EnumerateArraySafe() ?? [])
                {
                    if (MapMetric(metric, resource, fallbackTime, output) is { } error)
                    {
                        return error;
                    }
                }
            }
        }

        return null;
    }

    private static string? MapMetric(JsonElement metric, LabelSet resource, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        if (metric.String("name") is not { Length: > 0 } name)
        {
            return "metric without a name";
        }

        if ((metric.Object("gauge") ?? metric.Object("sum")) is { } numbers)
        {
            return ForEachPoint(numbers, name, resource, fallbackTime, output, static (dp, name, labels, time, output) =>
            {
                // A point with neither value is a "no recorded value" marker (staleness); it carries no sample.
                if ((OtlpJson.Number(dp, "asDouble") ?? OtlpJson.Number(dp, "asInt")) is { } value)
                {
                    output.Add(MetricPoint.Create(name, labels, time, value));
                }
            });
        }

        if (metric.Object("histogram") is { } histogram)
        {
            return ForEachPoint(histogram, name, resource, fallbackTime, output, static (dp, name, labels, time, output) =>
            {
                AddCountAndSum(dp, name, labels, time, output);
                // Bounds walked in step with the counts (bucket i has upper bound i; the last one +Inf).
                var boundArray = dp.Array("explicitBounds");
                var hasBounds = boundArray.HasValue;
                var bounds = hasBounds ? boundArray!.Value.EnumerateArray() : default;
                var cumulative = 0d;
                foreach (var bucket in dp.Array("bucketCounts")?.EnumerateArraySafe() ?? [])
                {
                    cumulative += Json.TryGetDouble(bucket, out var count) ? count : 0;
                    var le = hasBounds && bounds.MoveNext() && bounds.Current.TryGetDouble(out var bound) ? bound.ToString("R", CultureInfo.InvariantCulture) : "+Inf";
                    output.Add(MetricPoint.Create(name + "_bucket", Labels.With(labels, "le", le), time, cumulative));
                }
            });
        }

        if (metric.Object("exponentialHistogram") is { } exponential)
        {
            return ForEachPoint(exponential, name, resource, fallbackTime, output, static (dp, name, labels, time, output) => AddCountAndSum(dp, name, labels, time, output));
        }

        if (metric.Object("summary") is { } summary)
        {
            return ForEachPoint(summary, name, resource, fallbackTime, output, static (dp, name, labels, time, output) =>
            {
                AddCountAndSum(dp, name, labels, time, output);
                foreach (var q in dp.Array("quantileValues")?.EnumerateArraySafe() ?? [])
                {
                    if (OtlpJson.Number(q, "value") is { } value)
                    {
                        var quantile = (OtlpJson.Number(q, "quantile") ?? 0).ToString("R", CultureInfo.InvariantCulture);
                        output.Add(MetricPoint.Create(name, Labels.With(labels, "quantile", quantile), time, value));
                    }
                }
            });
        }

        return null; // A metric without data (or a type this engine has no use for) carries no sample.
    }

    private static string? ForEachPoint(
        JsonElement data,
        string name,
        LabelSet resource,
        DateTimeOffset? fallbackTime,
        ICollection<TelemetryRecord> output,
        Action<JsonElement, string, LabelSet, DateTimeOffset, ICollection<TelemetryRecord>> emit)
    {
        foreach (var dp in data.Array("dataPoints")?.EnumerateArraySafe() ?? [])
        {
            if (dp.ValueKind != JsonValueKind.Object)
            {
                return $"metric '{name}' has a data point that is not an object";
            }

            if ((OtlpJson.UnixNanos(dp, "timeUnixNano") ?? fallbackTime) is not { } time)
            {
                return $"metric '{name}' has a data point without timeUnixNano and the message has no timestamp";
            }

            emit(dp, name, OtlpJson.Merge(resource, dp), time, output);
        }

        return null;
    }

    private static void AddCountAndSum(JsonElement dp, string name, LabelSet labels, DateTimeOffset time, ICollection<TelemetryRecord> output)
    {
        if (OtlpJson.Number(dp, "count") is { } count)
        {
            output.Add(MetricPoint.Create(name + "_count", labels, time, count));
        }

        if (OtlpJson.Number(dp, "sum") is { } sum)
        {
            output.Add(MetricPoint.Create(name + "_sum", labels, time, sum));
        }
    }
}
