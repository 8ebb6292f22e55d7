namespace AIOps.Detection.Scoring;

/// <summary>One point's verdict: a calibrated score in [0,1], what was expected, and how far off it was.</summary>
public readonly record struct AnomalyScore(double Score, double Expected, double Deviation)
{
    public static readonly AnomalyScore None = new(0, double.NaN, 0);
}
