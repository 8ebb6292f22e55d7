namespace AIOps.Detection.Scoring;

/// <summary>
/// One streaming model's uncalibrated surprise for a finite value (NaN is filtered before it). The raw score is
/// non-negative and only comparable within one series; <see cref="Calibration.AnomalyLikelihood"/> makes it a
/// probability-like [0,1] score that means the same on every series.
/// </summary>
internal interface IRawScorer
{
    /// <summary>Raw surprise of <paramref name="value"/> given everything before it; <paramref name="context"/> carries the gap and the sampling step.</summary>
    double Update(double value, in PointContext context);

    /// <summary>What the model expected for the latest value.</summary>
    double Expected { get; }

    /// <summary>Signed deviation of the latest value in the model's units (e.g. a z-score).</summary>
    double Deviation { get; }
}
