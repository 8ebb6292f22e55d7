using AIOps.Detection.Robust;

namespace AIOps.Detection.Tests.Robust;

public class FlatRunScorerTests
{
    // Noise with a stretch of zeros of the given length starting at each given index.
    private static double[] WithZeroRuns(int length, params (int Start, int Length)[] runs)
    {
        var values = SeriesBuilder.Noise(length, 10, 1);
        foreach (var (start, run) in runs)
        {
            Array.Fill(values, 0.0, start, run);
        }

        return values;
    }

    [Fact]
    public void Update_RunLongerThanAnyBefore_SignalsOnceAfterMargin()
    {
        var values = WithZeroRuns(400, (50, 20), (150, 20), (300, 40));
        var sut = new FlatRunScorer();

        var scores = RawScorerHarness.Run(sut, values);

        // The first run is the longest so far at its 10th zero; the second merely equals it; the longest earlier run
        // is then 20 zeros, so the 23rd zero of the third run (index 322) is the first beyond 22.
        Assert.Equal(1.0, scores[59]);
        Assert.Equal(1.0, scores[322]);
        Assert.Equal(2, scores.Count(s => s > 0));
    }

    [Fact]
    public void Update_RunNoLongerThanTheLongest_ScoresZero()
    {
        var values = WithZeroRuns(400, (50, 30), (200, 30), (300, 32));
        var sut = new FlatRunScorer();

        var scores = RawScorerHarness.Run(sut, values);

        Assert.Equal(1.0, scores[50 + 9]); // the first run is the longest so far once it reaches minRun
        Assert.All(scores.Skip(60), s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void Update_RunShorterThanMinRun_ScoresZero()
    {
        var values = WithZeroRuns(200, (50, FlatRunScorer.MinRun - 1));
        var sut = new FlatRunScorer();

        var scores = RawScorerHarness.Run(sut, values);

        Assert.All(scores, s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void Update_SignalledPoint_ReportsStuckValueAndExcess()
    {
        var values = WithZeroRuns(90, (80, 10)); // the last point is the 10th zero
        var sut = new FlatRunScorer();

        RawScorerHarness.Run(sut, values);

        Assert.Equal(0.0, sut.Expected);
        Assert.True(sut.Deviation > 0);
    }
}
