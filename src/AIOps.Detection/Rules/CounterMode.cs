namespace AIOps.Detection.Rules;

/// <summary>Whether a metric is a cumulative counter, scored as its per-second rate (`counter:` in rules/detection.yaml).</summary>
public enum CounterMode
{
    /// <summary>
    /// From the name: `_total` is a counter (OpenMetrics requires the suffix); `_count`, `_sum` and `_bucket` are
    /// counters when their first points never go down (Prometheus histograms and summaries are cumulative, a
    /// per-minute statistic under the same suffix is not); anything else is a gauge.
    /// </summary>
    Auto,

    /// <summary>Always a counter.</summary>
    Counter,

    /// <summary>Never: the value is scored as it is.</summary>
    Gauge,
}
