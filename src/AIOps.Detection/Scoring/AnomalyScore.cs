namespace AIOps.Detection.Scoring;

/// <summary>One point's verdict: a calibrated score in [0,1], what was expected, how far off it was, and what kind of trouble it is.</summary>
public readonly record struct AnomalyScore(double Score, double Expected, double Deviation, AnomalyKind Kind = AnomalyKind.Deviation)
{
    public static readonly AnomalyScore None = new(0, double.NaN, 0);
}
