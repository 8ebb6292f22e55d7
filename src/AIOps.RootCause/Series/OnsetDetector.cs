namespace AIOps.RootCause.Series;

/// <summary>
/// Finds when an incident started in a frame without being told. Each series gets its own change point
/// (<see cref="ChangePointScanner"/>); those stronger than <see cref="SeriesRcaOptions.OnsetStrength"/> vote, with a
/// weight that saturates so one huge series cannot outvote many. The frame onset is the EARLIEST row whose vote window
/// (rows [r, r + w)) holds at least <see cref="SeriesRcaOptions.OnsetConsensus"/> of the best window's weight:
/// propagation makes the cause change first and the symptoms follow, so the earliest strong cluster is wanted, not
/// the biggest one.
/// </summary>
public static class OnsetDetector
{
    public static FrameOnset Detect(SeriesFrame frame, SeriesRcaOptions? options = null)
    {
        options ??= new SeriesRcaOptions();
        var perSeries = new ChangePoint[frame.Columns.Count];
        for (var c = 0; c < perSeries.Length; c++)
        {
            perSeries[c] = ChangePointScanner.Scan(frame.Columns[c].Values, options.MinSegment);
        }

        return new FrameOnset(Consensus(perSeries, frame.Length, options, out var agreeing), agreeing, perSeries);
    }

    internal static int Consensus(IReadOnlyList<ChangePoint> changes, int length, SeriesRcaOptions options, out int agreeing)
    {
        agreeing = 0;
        var weights = new double[length + 1];
        var counts = new int[length + 1];
        var strongest = ChangePoint.None;
        foreach (var change in changes)
        {
            if (change.Strength > strongest.Strength)
            {
                strongest = change;
            }

            if (!change.Found || change.Strength < options.OnsetStrength)
            {
                continue;
            }

            // Saturating vote: strength 1x threshold counts 1, 3x and above counts 2.
            weights[change.Row] += Math.Min(2.0, 0.5 + (0.5 * change.Strength / options.OnsetStrength));
            counts[change.Row]++;
        }

        var window = Math.Max(1, (int)Math.Round(length * options.OnsetWindowFraction));
        var windowWeight = new double[length];
        var windowCount = new int[length];
        var best = 0.0;
        for (var r = 0; r < length; r++)
        {
            var sum = 0.0;
            var count = 0;
            for (var j = r; j < Math.Min(length, r + window); j++)
            {
                sum += weights[j];
                count += counts[j];
            }

            windowWeight[r] = sum;
            windowCount[r] = count;
            best = Math.Max(best, sum);
        }

        if (best <= 0)
        {
            // Nobody is strong: fall back to the single strongest change, if any.
            agreeing = strongest.Found ? 1 : 0;
            return strongest.Row;
        }

        for (var r = 0; r < length; r++)
        {
            if (weights[r] > 0 && windowWeight[r] >= options.OnsetConsensus * best)
            {
                agreeing = windowCount[r];
                return r;
            }
        }

        return strongest.Row;
    }
}
