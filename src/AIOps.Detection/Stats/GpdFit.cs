namespace AIOps.Detection.Stats;

/// <summary>
/// A Generalized Pareto Distribution of excesses over a threshold: survival P(Y &gt; y) = (1 + Shape·y/Scale)^(-1/Shape)
/// (exp(-y/Scale) at Shape 0). Shape &gt; 0 is a heavy (polynomial) tail, Shape &lt; 0 a bounded one.
/// </summary>
internal readonly record struct GpdFit(double Shape, double Scale)
{
    // Moment estimates are only defined for Shape < 0.5 (finite variance); the clamp keeps a spiky sample's fit heavy
    // but finite, and a near-constant sample's fit bounded but not degenerate.
    private const double MaxShape = 0.45;
    private const double MinShape = -1.0;

    /// <summary>
    /// Method-of-moments fit (Hosking &amp; Wallis 1987): with mean m and variance v of the excesses,
    /// Shape = (1 - m²/v)/2 and Scale = m(1 + m²/v)/2. O(1): only the two moments are needed.
    /// </summary>
    public static GpdFit FromMoments(double mean, double variance)
    {
        if (!(mean > 0))
        {
            return new GpdFit(0, 0);
        }

        var ratio = variance > 0 ? mean * mean / variance : double.PositiveInfinity;
        var shape = Math.Clamp(0.5 * (1 - ratio), MinShape, MaxShape);
        // Scale from the mean (mean = Scale/(1 - Shape)) so a clamped shape still reproduces the mean excess.
        return new GpdFit(shape, mean * (1 - shape));
    }

    /// <summary>-ln P(Y &gt; y): the surprise, in nats, of an excess of at least <paramref name="excess"/> (0 at 0; infinite past a bounded tail's end).</summary>
    public double LogSurvivalSurprise(double excess)
    {
        if (excess <= 0)
        {
            return 0;
        }

        if (!(Scale > 0))
        {
            return double.PositiveInfinity;
        }

        var z = excess / Scale;
        if (Math.Abs(Shape) < 1e-9)
        {
            return z;
        }

        var inner = 1 + (Shape * z);
        return inner <= 0 ? double.PositiveInfinity : Math.Log(inner) / Shape;
    }
}
