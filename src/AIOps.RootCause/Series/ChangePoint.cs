namespace AIOps.RootCause.Series;

/// <summary>
/// The most likely level shift in one series: the first row of the new level and the strength of the evidence
/// (a z-like statistic: the two-segment mean difference over its standard error under a robust noise scale).
/// </summary>
public readonly record struct ChangePoint(int Row, double Strength)
{
    public static readonly ChangePoint None = new(-1, 0);

    public bool Found => Row >= 0;
}
