namespace AIOps.Detection.Stage;

/// <summary>
/// Whether an observed count of events differs from the expected count by more than chance: events arrive about like
/// a Poisson process, so an interval expected to hold n events holds n +- 3 sqrt(n) by chance (n at least 1). Used for
/// every series that counts events (a counter's increase, an error ratio's failed spans, a log rate's lines), however
/// young the series or sparse its counts: two errors where one was usual is not a surge.
/// </summary>
internal static class CountingNoise
{
    public static bool Exceeded(double observedCount, double expectedCount)
    {
        if (double.IsNaN(expectedCount))
        {
            return true;
        }

        var expected = Math.Max(expectedCount, 0);
        return Math.Abs(observedCount - expected) > 3 * Math.Sqrt(Math.Max(expected, 1));
    }
}
