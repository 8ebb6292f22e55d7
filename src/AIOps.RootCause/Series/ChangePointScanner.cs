namespace AIOps.RootCause.Series;

/// <summary>
/// Offline likelihood-ratio scan for a single mean shift (the at-most-one-change Gaussian model, as in CUSUM):
/// for every split k the statistic is |mean(after) - mean(before)| * sqrt(k (n-k) / n) / sigma, maximised over k.
/// O(n) with prefix sums. Sigma is estimated from first differences, which a level shift barely touches, so the
/// statistic is not diluted by the very change it looks for; the larger of a MAD-based and a mean-absolute-based
/// estimate is used because metrics sampled slower than the frame repeat values and make the MAD of differences 0.
/// </summary>
public static class ChangePointScanner
{
    /// <summary>Relative noise floor: a series that never moves still has this much noise per unit of level.</summary>
    public const double RelativeNoiseFloor = 1e-4;

    public static ChangePoint Scan(ReadOnlySpan<double> values, int minSegment = 2)
    {
        minSegment = Math.Max(1, minSegment);
        var rows = new int[values.Length];
        var x = new double[values.Length];
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]))
            {
                rows[n] = i;
                x[n++] = values[i];
            }
        }

        if (n < 2 * minSegment)
        {
            return ChangePoint.None;
        }

        var sigma = NoiseScale(x.AsSpan(0, n));
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            total += x[i];
        }

        var best = ChangePoint.None;
        var prefix = 0.0;
        for (var k = 1; k < n; k++)
        {
            prefix += x[k - 1];
            if (k < minSegment || n - k < minSegment)
            {
                continue;
            }

            var diff = Math.Abs((prefix / k) - ((total - prefix) / (n - k)));
            var z = diff * Math.Sqrt(k * (double)(n - k) / n) / sigma;
            if (z > best.Strength)
            {
                best = new ChangePoint(rows[k], z);
            }
        }

        return best;
    }

    /// <summary>Robust per-sample noise from first differences (sigma of a difference is sqrt(2) sigma).</summary>
    internal static double NoiseScale(ReadOnlySpan<double> x)
    {
        var n = x.Length;
        var diffs = new double[Math.Max(0, n - 1)];
        var sumAbs = 0.0;
        for (var i = 1; i < n; i++)
        {
            diffs[i - 1] = Math.Abs(x[i] - x[i - 1]);
            sumAbs += diffs[i - 1];
        }

        Array.Sort(diffs);
        var madSigma = diffs.Length == 0 ? 0 : 1.4826 * RobustStats.Quantile(diffs, 0.5) / Math.Sqrt(2);

        // For Gaussian noise E|d| = 2 sigma / sqrt(pi).
        var meanSigma = diffs.Length == 0 ? 0 : sumAbs / diffs.Length * Math.Sqrt(Math.PI) / 2;
        var level = Math.Abs(RobustStats.Median(x));
        return Math.Max(Math.Max(madSigma, meanSigma), Math.Max(RelativeNoiseFloor * level, 1e-12));
    }
}
