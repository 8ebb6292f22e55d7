namespace AIOps.RootCause.Series;

/// <summary>The onset of a frame: the first anomalous row, how many series agree, and each series' own change point.</summary>
public sealed record FrameOnset(int Row, int Agreeing, IReadOnlyList<ChangePoint> PerSeries)
{
    public bool Found => Row >= 0;
}
