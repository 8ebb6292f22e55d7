namespace AIOps.RootCause.Series;

/// <summary>
/// Finds when an incident started in a frame without being told. Each series gets its own change point
/// (<see cref="ChangePointScanner"/>); those stronger than <see cref="SeriesRcaOptions.OnsetStrength"/> vote, with a
/// weight that grows with the log of their strength, so one huge series cannot outvote many. The window of w rows with the most vote weight is
/// the incident's main cluster (the earliest such window wins ties); the onset is the first row in it that carries at
/// least <see cref="SeriesRcaOptions.OnsetRowShare"/> of its votes, chained back through earlier rows with such a share
/// less than a window apart: the cause changes first and the symptoms follow, so the cluster's start, not its peak,
/// is wanted, but a lone noisy straggler is not the start. Votes in the first
/// <see cref="SeriesRcaOptions.MinBaselineFraction"/> of the frame are ignored: a frame handed to root-cause analysis
/// starts with a baseline, and changes right at its start are warm-up transients, not the incident.
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
        var minRow = (int)(length * options.MinBaselineFraction);
        foreach (var change in changes)
        {
            if (change.Strength > strongest.Strength)
            {
                strongest = change;
            }

            if (!change.Found || change.Strength < options.OnsetStrength || change.Row < minRow)
            {
                continue;
            }

            // Sublinear vote: strength at the threshold counts 1, e times the threshold 2, e^2 times 3, so a strong
            // change counts more than a marginal one but one huge series cannot outvote many.
            weights[change.Row] += 1 + Math.Log(change.Strength / options.OnsetStrength);
            counts[change.Row]++;
        }

        var window = Math.Max(1, (int)Math.Round(length * options.OnsetWindowFraction));
        var prefix = new double[length + 1];
        for (var r = 0; r < length; r++)
        {
            prefix[r + 1] = prefix[r] + weights[r];
        }

        var windowWeight = new double[length];
        var bestRow = -1;
        for (var r = 0; r < length; r++)
        {
            windowWeight[r] = prefix[Math.Min(length, r + window)] - prefix[r];
            if (weights[r] > 0 && (bestRow < 0 || windowWeight[r] > windowWeight[bestRow] + 1e-12))
            {
                bestRow = r;
            }
        }

        if (bestRow < 0)
        {
            // Nobody is strong: fall back to the single strongest change, if any.
            agreeing = strongest.Found ? 1 : 0;
            return strongest.Row;
        }

        // The onset is the first row in that window that carries a real share of its votes: a lone straggler a few
        // rows ahead of the cluster (noise in one series) should not move the onset, which decides the before/after
        // split. Propagation can spread wider than one window, so rows with such a share up to a window earlier chain
        // the onset back (the cause's own change often precedes a denser cluster of symptoms).
        var needed = options.OnsetRowShare * windowWeight[bestRow];
        var start = bestRow;
        for (var r = bestRow; r < Math.Min(length, bestRow + window); r++)
        {
            if (weights[r] >= needed)
            {
                start = r;
                break;
            }
        }

        for (var moved = true; moved;)
        {
            moved = false;
            for (var r = Math.Max(0, start - window); r < start; r++)
            {
                if (weights[r] >= needed)
                {
                    start = r;
                    moved = true;
                    break;
                }
            }
        }

        var end = Math.Max(bestRow + window, start + window);
        for (var r = start; r < Math.Min(length, end); r++)
        {
            agreeing += counts[r];
        }

        return start;
    }
}
