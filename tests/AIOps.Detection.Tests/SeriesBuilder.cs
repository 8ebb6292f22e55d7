namespace AIOps.Detection.Tests;

/// <summary>Seeded synthetic series for detector tests.</summary>
internal static class SeriesBuilder
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static double[] Noise(int n, double mean, double sd, int seed = 674386)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Box-Muller: Gaussian noise without a numerics dependency.
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            values[i] = mean + (sd * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
        }

        return values;
    }

    public static DateTimeOffset At(int i, int stepMinutes = 5) => Start.AddMinutes(i * stepMinutes);
}
