namespace AIOps.Ingest.Otlp.Proto;

/// <summary>The data a Metric carries; its data points differ in field numbers.</summary>
internal enum MetricKind
{
    Number,
    Histogram,
    ExponentialHistogram,
    Summary,
}
