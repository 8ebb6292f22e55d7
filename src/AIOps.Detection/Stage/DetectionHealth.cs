using System.Diagnostics.Metrics;

namespace AIOps.Detection.Stage;

/// <summary>
/// The detectors' own health, through the BCL Meter only (the host exports it): how scores are distributed, how many
/// series are tracked, and how many series' baselines are drifting (recent points sit far from what the baseline
/// expects, so its scores are not trustworthy until it has caught up).
/// </summary>
public static class DetectionHealth
{
    public const string MeterName = "AIOps.Detection";

    /// <summary>Smoothed |deviation| above which a series counts as drifting, and below which it recovers (hysteresis).</summary>
    public const double DriftEnter = 3.0;
    public const double DriftExit = 2.0;

    // About the last 20 points; deviations are capped so one absurd point cannot mark a series for long.
    internal const double DriftSmoothing = 0.05;
    internal const double DeviationCap = 10.0;

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<double> Scores = Meter.CreateHistogram<double>(
        "aiops.detection.score", description: "Calibrated anomaly score of every scored point (0..1)");

    internal static readonly UpDownCounter<long> Series = Meter.CreateUpDownCounter<long>(
        "aiops.detection.series", description: "Series with a detector");

    internal static readonly UpDownCounter<long> DriftingSeries = Meter.CreateUpDownCounter<long>(
        "aiops.detection.drifting_series", description: "Series whose recent points sit far from their baseline");

    internal static readonly Counter<long> RejectedSeries = Meter.CreateCounter<long>(
        "aiops.detection.rejected_series", description: "New series not scored because the series bound was reached");
}
