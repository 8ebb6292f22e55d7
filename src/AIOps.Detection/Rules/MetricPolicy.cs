using AIOps.Detection.Scoring;

namespace AIOps.Detection.Rules;

/// <summary>How one metric is scored and when its score becomes a signal (resolved from rules/detection.yaml).</summary>
public sealed record MetricPolicy(
    ISeriesDetectorFactory Factory,
    string DetectorName,
    double Threshold,
    SignalDirection Direction,
    TimeSpan MinDuration,
    CounterMode Counter = CounterMode.Auto)
{
    /// <summary>Whether a deviation from <paramref name="expected"/> to <paramref name="value"/> counts.</summary>
    public bool Allows(double value, double expected) => Direction switch
    {
        SignalDirection.Up => double.IsNaN(expected) || value >= expected,
        SignalDirection.Down => double.IsNaN(expected) || value <= expected,
        _ => true,
    };
}
