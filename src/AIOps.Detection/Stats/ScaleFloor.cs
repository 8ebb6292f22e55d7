namespace AIOps.Detection.Stats;

/// <summary>
/// Smallest scale a detector will divide by: relative to the level so constant series do not turn rounding noise
/// into infinite z-scores, and absolute so a series stuck at zero still scores a jump.
/// </summary>
internal static class ScaleFloor
{
    public static double For(double level) => Math.Max(1e-6 * Math.Abs(level), 1e-9);
}
