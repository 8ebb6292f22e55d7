namespace AIOps.Accuracy.Nab;

/// <summary>
/// NAB v1.1 scoring: each row gets the weight a detection there would earn (scaled sigmoid of its position
/// relative to the windows); a window counts only its best (earliest) detection, a missed window costs A_FN,
/// every detection outside windows adds its (negative) weight, and the probationary rows are ignored.
/// </summary>
internal static class NabScorer
{
    /// <summary>S(y) = 2/(1+e^(5y)) - 1, clamped to -1 beyond y = 3 as NAB does.</summary>
    public static double ScaledSigmoid(double y) => y > 3.0 ? -1.0 : (2.0 / (1.0 + Math.Exp(5.0 * y))) - 1.0;

    /// <summary>NAB's probationary length: 15% of the file, at most 750 rows.</summary>
    public static int ProbationLength(int rows) => Math.Min((int)Math.Floor(0.15 * rows), 750);

    /// <summary>Per-row weights for one file under one profile.</summary>
    public static NabFileWeights Prepare(int rows, IReadOnlyList<NabWindow> windows, NabProfile profile, int probation)
    {
        var weights = new double[rows];
        var windowOf = new int[rows];
        var maxTp = ScaledSigmoid(-1.0);
        var w = 0;
        var previousWindow = -1;
        for (var i = 0; i < rows; i++)
        {
            while (w < windows.Count && windows[w].End < i)
            {
                previousWindow = w;
                w++;
            }

            if (w < windows.Count && i >= windows[w].Start)
            {
                var win = windows[w];
                var position = -(win.End - i + 1) / (double)win.Width;
                weights[i] = ScaledSigmoid(position) * profile.TruePositive / maxTp;
                windowOf[i] = w;
            }
            else
            {
                windowOf[i] = -1;
                double unweighted;
                if (previousWindow < 0)
                {
                    unweighted = -1.0;
                }
                else
                {
                    var prev = windows[previousWindow];
                    // A one-row window would divide by zero; NAB never has one, treat it as far away.
                    unweighted = prev.Width > 1 ? ScaledSigmoid(Math.Abs(prev.End - i) / (double)(prev.Width - 1)) : -1.0;
                }

                weights[i] = unweighted * profile.FalsePositive;
            }
        }

        return new NabFileWeights(weights, windowOf, windows.Count, probation, profile);
    }

    /// <summary>Raw score of one file when every row with score >= threshold is a detection.</summary>
    public static NabCounts Score(NabFileWeights file, ReadOnlySpan<double> scores, double threshold)
    {
        var best = new double[file.WindowCount];
        var hit = new bool[file.WindowCount];
        double fp = 0;
        var fpCount = 0;
        for (var i = file.Probation; i < file.Weights.Length; i++)
        {
            if (!(scores[i] >= threshold))
            {
                continue;
            }

            var win = file.WindowOf[i];
            if (win < 0)
            {
                fp += file.Weights[i];
                fpCount++;
            }
            else if (!hit[win] || file.Weights[i] > best[win])
            {
                best[win] = file.Weights[i];
                hit[win] = true;
            }
        }

        double tp = 0;
        var tpCount = 0;
        for (var k = 0; k < file.WindowCount; k++)
        {
            if (hit[k])
            {
                tp += best[k];
                tpCount++;
            }
        }

        var fn = -(file.WindowCount - tpCount) * file.Profile.FalseNegative;
        return new NabCounts(tp + fp + fn, tpCount, file.WindowCount - tpCount, fpCount);
    }
}
