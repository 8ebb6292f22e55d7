namespace AIOps.Detection.Stats;

/// <summary>How far a value lies above and below a <see cref="NoveltyRange"/>, in units of its <paramref name="Width"/> (negative: inside).</summary>
internal readonly record struct RangeExcess(double Above, double Below, double Width)
{
    /// <summary>The novelty raw score: the excess on either side, 0 inside the range.</summary>
    public double Raw => Math.Max(0, Math.Max(Above, Below));

    /// <summary>Signed excess: positive above the range, negative below, 0 inside.</summary>
    public double Signed => Above > 0 ? Above : -Math.Max(Below, 0);
}
