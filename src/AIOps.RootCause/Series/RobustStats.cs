namespace AIOps.RootCause.Series;

/// <summary>Order statistics over the finite values of a span (NaN is skipped). Allocates one scratch array per call.</summary>
internal static class RobustStats
{
    /// <summary>Copies the finite values of <paramref name="values"/> and sorts them.</summary>
    public static double[] SortedFinite(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                count++;
            }
        }

        var sorted = new double[count];
        var i = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                sorted[i++] = v;
            }
        }

        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Linear-interpolated quantile of sorted values (NaN when empty).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((position - lo) * (sorted[hi] - sorted[lo]));
    }

    public static double Median(ReadOnlySpan<double> values) => Quantile(SortedFinite(values), 0.5);
}
