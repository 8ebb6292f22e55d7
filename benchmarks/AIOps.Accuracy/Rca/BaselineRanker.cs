using AIOps.RootCause.Series;

namespace AIOps.Accuracy.Rca;

/// <summary>
/// The README's reference rankers, reproduced for the tables: N-sigma (mean/std of the before period, max |z| after
/// the injection) and BARO-style (median/IQR, max robust |z|), best metric per entity. Both need the injection time.
/// </summary>
internal static class BaselineRanker
{
    public static List<string> Rank(SeriesFrame frame, int onsetRow, bool robust)
    {
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var column in frame.Columns)
        {
            var before = column.Values.AsSpan(0, onsetRow);
            double center;
            double scale;
            if (robust)
            {
                var sorted = before.ToArray().Where(double.IsFinite).Order().ToArray();
                if (sorted.Length == 0)
                {
                    continue;
                }

                center = Quantile(sorted, 0.5);
                scale = Quantile(sorted, 0.75) - Quantile(sorted, 0.25);
            }
            else
            {
                var finite = before.ToArray().Where(double.IsFinite).ToArray();
                if (finite.Length == 0)
                {
                    continue;
                }

                center = finite.Average();
                scale = Math.Sqrt(finite.Sum(v => (v - center) * (v - center)) / finite.Length);
            }

            scale = Math.Max(scale, 1e-9);
            var score = 0.0;
            foreach (var v in column.Values.AsSpan(onsetRow))
            {
                if (double.IsFinite(v))
                {
                    score = Math.Max(score, Math.Abs(v - center) / scale);
                }
            }

            if (!best.TryGetValue(column.Entity, out var current) || score > current)
            {
                best[column.Entity] = score;
            }
        }

        return [.. best.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key)];
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((position - lo) * (sorted[hi] - sorted[lo]));
    }
}
