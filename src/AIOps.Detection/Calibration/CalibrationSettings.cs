namespace AIOps.Detection.Calibration;

/// <summary>
/// How one ensemble member's raw score becomes a [0,1] score; shared by every series of a factory, so per-series
/// state stays small. <see cref="RangeHalf"/> &gt; 0 selects the range-ratio mapping (for novelty scorers, whose raw
/// score is already "fraction of the historic range exceeded"): score = raw / (raw + RangeHalf). Otherwise the
/// anomaly likelihood is used.
/// </summary>
internal sealed record CalibrationSettings(
    double ShortRate = 0.5,
    double LongRate = 0.002,
    int Warmup = 30,
    double RangeHalf = 0,
    double HalfSurprise = CalibrationSettings.DefaultHalfSurprise)
{
    /// <summary>Default -log10 tail at which a likelihood score is 0.5.</summary>
    public const double DefaultHalfSurprise = 5.0;

    /// <summary>The range-ratio mapping raw / (raw + RangeHalf), with huge raw scores capped.</summary>
    public double RangeRatio(double raw)
    {
        raw = Math.Min(raw, 1e6);
        return raw / (raw + RangeHalf);
    }
}
