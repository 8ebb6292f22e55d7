namespace AIOps.Accuracy.Nab;

/// <summary>
/// Finds the single threshold that maximises the corpus's summed raw score, exactly: rows are swept from the
/// highest score down, keeping each window's best detection, and the total is evaluated after each distinct score.
/// </summary>
internal static class NabThresholdOptimizer
{
    public static (double Threshold, double Raw) Optimize(IReadOnlyList<NabFileWeights> files, IReadOnlyList<double[]> scores)
    {
        var rows = new List<(double Score, int File, int Row)>();
        var windowOffset = new int[files.Count];
        var totalWindows = 0;
        for (var f = 0; f < files.Count; f++)
        {
            windowOffset[f] = totalWindows;
            totalWindows += files[f].WindowCount;
            var s = scores[f];
            for (var i = files[f].Probation; i < s.Length; i++)
            {
                if (!double.IsNaN(s[i]))
                {
                    rows.Add((s[i], f, i));
                }
            }
        }

        rows.Sort((a, b) => b.Score.CompareTo(a.Score));
        var best = new double[totalWindows];
        var hit = new bool[totalWindows];
        double tp = 0, fp = 0, fn = 0;
        for (var f = 0; f < files.Count; f++)
        {
            fn += files[f].NullScore;
        }

        // Above every score nothing fires: the null detector's score.
        var bestThreshold = rows.Count > 0 ? Math.BitIncrement(rows[0].Score) : 1.0;
        var bestRaw = fn;
        for (var k = 0; k < rows.Count; k++)
        {
            var (score, f, i) = rows[k];
            var file = files[f];
            var w = file.WindowOf[i];
            if (w < 0)
            {
                fp += file.Weights[i];
            }
            else
            {
                var g = windowOffset[f] + w;
                if (!hit[g])
                {
                    hit[g] = true;
                    best[g] = file.Weights[i];
                    tp += file.Weights[i];
                    fn += file.Profile.FalseNegative;
                }
                else if (file.Weights[i] > best[g])
                {
                    tp += file.Weights[i] - best[g];
                    best[g] = file.Weights[i];
                }
            }

            var lastOfTie = k == rows.Count - 1 || rows[k + 1].Score != score;
            if (lastOfTie && tp + fp + fn > bestRaw)
            {
                bestRaw = tp + fp + fn;
                bestThreshold = score;
            }
        }

        return (bestThreshold, bestRaw);
    }
}
