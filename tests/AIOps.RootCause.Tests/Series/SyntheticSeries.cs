namespace AIOps.RootCause.Tests.Series;

/// <summary>Seeded noisy series with a level step, for change-point and ranking tests.</summary>
internal static class SyntheticSeries
{
    public static double[] Step(Random random, int length, int stepAt, double before, double after, double noise)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (i < stepAt ? before : after) + (noise * Gaussian(random));
        }

        return values;
    }

    public static double[] Times(int length, long start = 1_700_000_000)
    {
        var times = new double[length];
        for (var i = 0; i < length; i++)
        {
            times[i] = start + i;
        }

        return times;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
