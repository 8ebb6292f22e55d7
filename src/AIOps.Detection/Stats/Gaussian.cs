namespace AIOps.Detection.Stats;

/// <summary>Normal-distribution tails, accurate to ~1e-7 relative, without a numerics dependency on the hot path.</summary>
internal static class Gaussian
{
    /// <summary>Complementary error function (Chebyshev fit, Numerical Recipes' erfcc form).</summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2.0 - r;
    }

    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2.0));

    /// <summary>-log10 P(Z &gt; z), accurate far into the tail where the probability itself underflows.</summary>
    public static double UpperTailLog10(double z)
    {
        if (z < 5)
        {
            return -Math.Log10(Math.Max(UpperTail(z), double.Epsilon));
        }

        // Mills ratio asymptotic: Q(z) ~ phi(z)/z * (1 - 1/z^2 + 3/z^4).
        var lnQ = (-0.5 * z * z) - Math.Log(z * Math.Sqrt(2 * Math.PI)) + Math.Log(1 - (1 / (z * z)) + (3 / (z * z * z * z)));
        return -lnQ / Math.Log(10);
    }

    /// <summary>P(Z &lt;= z).</summary>
    public static double Cdf(double z) => 1.0 - UpperTail(z);
}
