using AIOps.Detection.Scoring;

namespace AIOps.Detection.Tests;

public class DefaultDetectorFootprintTests
{
    private static ISeriesDetector[] Warm(int count, int points)
    {
        var factory = new DefaultDetectorFactory();
        var detectors = new ISeriesDetector[count];
        for (var s = 0; s < count; s++)
        {
            detectors[s] = factory.Create("m");
            for (var i = 0; i < points; i++)
            {
                detectors[s].Update(SeriesBuilder.At(i), 100 + (i % 7) + s);
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

    [Fact]
    public void Create_WarmedFiveMinuteSeries_StateUnder2KBPerSeries()
    {
        // Updates allocate nothing in steady state (tested above), so what this thread allocates while creating and
        // warming the detectors is their state (plus the small array holding them). Per-thread, so parallel tests
        // do not disturb it.
        const int count = 2000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var detectors = Warm(count, 400); // 5-minute data: a 288-point daily season is allocated
        var perSeries = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)count;
        GC.KeepAlive(detectors);

        Assert.InRange(perSeries, 100, 2048);
    }
}
