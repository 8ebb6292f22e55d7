using System.Text;
using AIOps.Core.Model;

namespace AIOps.RootCause.Series;

/// <summary>
/// Builds a <see cref="SeriesFrame"/> from metric points (the engine's canonical records), so the incident-level
/// analyzer can hand the metrics around an incident to <see cref="SeriesRootCauseAnalyzer"/>. Points are bucketed into
/// rows of a fixed step (mean per bucket, NaN where a series has no point); one column per entity and metric, where
/// the metric is the point's name plus any labels that are not part of the entity (e.g. <c>latency{quantile=0.99}</c>).
/// </summary>
public static class SeriesFrameBuilder
{
    public static SeriesFrame FromPoints(IEnumerable<MetricPoint> points, TimeSpan step)
    {
        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), "step must be positive");
        }

        var stepSeconds = step.TotalSeconds;
        var sums = new Dictionary<(string Entity, string Metric), Dictionary<long, (double Sum, int Count)>>();
        var minBucket = long.MaxValue;
        var maxBucket = long.MinValue;
        foreach (var point in points)
        {
            if (!double.IsFinite(point.Value))
            {
                continue;
            }

            var seconds = (point.Timestamp - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;
            var bucket = (long)Math.Floor(seconds / stepSeconds);
            minBucket = Math.Min(minBucket, bucket);
            maxBucket = Math.Max(maxBucket, bucket);
            var key = (point.Resource.EntityKey, MetricName(point));
            if (!sums.TryGetValue(key, out var buckets))
            {
                sums[key] = buckets = [];
            }

            buckets.TryGetValue(bucket, out var acc);
            buckets[bucket] = (acc.Sum + point.Value, acc.Count + 1);
        }

        if (sums.Count == 0)
        {
            return new SeriesFrame([], []);
        }

        var rows = (int)(maxBucket - minBucket + 1);
        var times = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            times[r] = (minBucket + r) * stepSeconds;
        }

        var columns = new List<SeriesColumn>(sums.Count);
        foreach (var ((entity, metric), buckets) in sums.OrderBy(p => p.Key.Entity, StringComparer.Ordinal).ThenBy(p => p.Key.Metric, StringComparer.Ordinal))
        {
            var values = new double[rows];
            Array.Fill(values, double.NaN);
            foreach (var (bucket, acc) in buckets)
            {
                values[bucket - minBucket] = acc.Sum / acc.Count;
            }

            columns.Add(new SeriesColumn($"{entity}/{metric}", entity, metric, values));
        }

        return new SeriesFrame(times, columns);
    }

    private static string MetricName(MetricPoint point)
    {
        StringBuilder? extra = null;
        foreach (var (key, value) in point.Labels)
        {
            if (IsEntityKey(key))
            {
                continue;
            }

            extra ??= new StringBuilder(point.Name).Append('{');
            if (extra[^1] != '{')
            {
                extra.Append(',');
            }

            extra.Append(key).Append('=').Append(value);
        }

        return extra is null ? point.Name : extra.Append('}').ToString();
    }

    private static bool IsEntityKey(string key) =>
        Array.IndexOf(EntityResolver.ServiceKeys, key) >= 0 || Array.IndexOf(EntityResolver.HostKeys, key) >= 0 ||
        Array.IndexOf(EntityResolver.PodKeys, key) >= 0 || Array.IndexOf(EntityResolver.NamespaceKeys, key) >= 0 ||
        Array.IndexOf(EntityResolver.ClusterKeys, key) >= 0 || Array.IndexOf(EntityResolver.RegionKeys, key) >= 0;
}
