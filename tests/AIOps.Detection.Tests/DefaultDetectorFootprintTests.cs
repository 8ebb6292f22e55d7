using AIOps.Detection.Scoring;

namespace AIOps.Detection.Tests;

public class DefaultDetectorFootprintTests
{
    private static ISeriesDetector[] Warm(int count, int points, int stepMinutes = 5)
    {
        var factory = new DefaultDetectorFactory();
        var detectors = new ISeriesDetector[count];
        for (var s = 0; s < count; s++)
        {
            detectors[s] = factory.Create("m");
            for (var i = 0; i < points; i++)
            {
                detectors[s].Update(SeriesBuilder.At(i, stepMinutes), 100 + (i % 7) + s);
            }
        }

        return detectors;
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        var sut = Warm(1, 400)[0];

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 400; i < 1400; i++)
        {
            sut.Update(SeriesBuilder.At(i), 100 + (i % 7));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(5)]   // daily season of 288 points
    [InlineData(30)]  // weekly season of 336 points, the largest allowed
    [InlineData(1)]   // no season fits
    public void Create_WarmedSeries_StateUnder2KBPerSeries(int stepMinutes)
    {
        // Updates allocate nothing in steady state (tested above), so what this thread allocates while creating and
        // warming the detectors is their state (plus the small array holding them). Per-thread, so parallel tests
        // do not disturb it.
        // 1,000 points: past two weekly periods of 30-minute data (672 points), where the season becomes active and the
        // seasonal residual's range starts; the synthetic series repeats every 7 points, which 336 divides.
        const int count = 2000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var detectors = Warm(count, 1000, stepMinutes);
        var perSeries = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)count;
        GC.KeepAlive(detectors);

        Assert.InRange(perSeries, 100, 2048);
    }
}
