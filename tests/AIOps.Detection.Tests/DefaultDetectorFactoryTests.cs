using AIOps.Detection.Scoring;

namespace AIOps.Detection.Tests;

public class DefaultDetectorFactoryTests
{
    private static (double[] Scores, ISeriesDetector Detector) Run(double[] values, int stepMinutes = 5)
    {
        var sut = new DefaultDetectorFactory().Create("cpu");
        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            scores[i] = sut.Update(SeriesBuilder.At(i, stepMinutes), values[i]).Score;
        }

        return (scores, sut);
    }

    [Fact]
    public void Update_SpikeAfterSteadyNoise_ScoresAboveHalf()
    {
        var values = SeriesBuilder.Noise(6000, 50, 2);
        values[5900] = 90;

        var (scores, _) = Run(values);

        Assert.True(scores[5900] >= 0.9, $"spike scored {scores[5900]}");
        // Range novelty alarms on new records of unbounded noise (the method's known cost): between points 3000 and
        // 6000 i.i.d. noise sets about 2 ln 2 ~ 1.4 new highs or lows; more than 6 (p < 0.2%) means it fires on noise.
        Assert.True(scores.Skip(3000).Take(2890).Count(s => s >= 0.5) <= 6, "steady noise raised repeated alarms");
    }

    [Fact]
    public void Update_StuckLongerThanEverBefore_AlarmsOnceInsideTheRun()
    {
        // A metric that freezes at its usual level for 30 points now and then; the last time it stays frozen for 100
        // points. Neither the value nor its level is new, so only the flat-run member can see it.
        var values = SeriesBuilder.Noise(3000, 50, 2);
        foreach (var start in new[] { 500, 1100, 1700, 2300 })
        {
            Array.Fill(values, 50.0, start, 30);
        }

        Array.Fill(values, 50.0, 2600, 100);

        var (scores, _) = Run(values);

        // 10% beyond the longest earlier run of 30: the 34th point of the stuck stretch, then quiet for the rest of it.
        Assert.True(scores[2633] >= 0.8, $"stuck run scored {scores[2633]}");
        Assert.Equal(1, scores.Skip(2600).Take(100).Count(s => s >= 0.5));
    }

    [Fact]
    public void Update_ColdStart_ScoresZeroThenStaysInUnitInterval()
    {
        var values = SeriesBuilder.Noise(200, 10, 1);

        var (scores, _) = Run(values);

        Assert.All(scores.Take(10), s => Assert.Equal(0.0, s));
        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
    }

    [Fact]
    public void Update_ConstantSeries_ScoresZeroUntilItChanges()
    {
        var values = Enumerable.Repeat(42.0, 800).Append(43.0).ToArray();

        var (scores, _) = Run(values);

        Assert.All(scores.Take(800), s => Assert.Equal(0.0, s));
        Assert.True(scores[800] >= 0.5, $"first change after a flat line scored {scores[800]}");
    }

    [Fact]
    public void Update_NaNAndInfinity_ScoreZeroAndDoNotCorruptState()
    {
        var values = SeriesBuilder.Noise(800, 100, 5);
        values[500] = double.NaN;
        values[501] = double.PositiveInfinity;
        values[502] = double.NegativeInfinity;
        values[790] = 200;

        var (scores, sut) = Run(values);

        Assert.Equal(0.0, scores[500]);
        Assert.Equal(0.0, scores[501]);
        Assert.True(scores[790] >= 0.5);
        Assert.True(double.IsFinite(sut.Update(SeriesBuilder.At(801), 100).Score));
    }

    [Fact]
    public void Update_HugeValues_StayFiniteAndInUnitInterval()
    {
        var values = SeriesBuilder.Noise(600, 1e300, 1e298);
        values[550] = -1e308;

        var (scores, _) = Run(values);

        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
        Assert.True(scores[550] >= 0.5);
    }

    [Fact]
    public void Update_IrregularTimestampsAndGaps_ScoresStayBoundedAndSpikeIsFound()
    {
        var values = SeriesBuilder.Noise(6000, 20, 1);
        var sut = new DefaultDetectorFactory().Create("latency");
        var random = new Random(674386);
        var time = SeriesBuilder.Start;
        var alarms = 0;
        for (var i = 0; i < 5999; i++)
        {
            // Jittered steps, a 6-hour gap and an out-of-order point.
            time = time.AddSeconds(i == 4000 ? 6 * 3600 : 30 + random.Next(-10, 10));
            var stamp = i == 4600 ? time.AddMinutes(-5) : time;
            var score = sut.Update(stamp, values[i]).Score;
            Assert.InRange(score, 0.0, 1.0);
            if (i > 3000 && score >= 0.5)
            {
                alarms++;
            }
        }

        Assert.True(alarms <= 6, $"noise with gaps raised {alarms} alarms"); // ~1.4 records expected, see above
        Assert.True(sut.Update(time.AddSeconds(30), 60).Score >= 0.5);
    }

    [Fact]
    public void Update_Spike_ReportsExpectedAndDeviation()
    {
        var values = SeriesBuilder.Noise(700, 50, 2);
        values[699] = 100;
        var sut = new DefaultDetectorFactory().Create("x");
        AnomalyScore last = default;
        for (var i = 0; i < values.Length; i++)
        {
            last = sut.Update(SeriesBuilder.At(i), values[i]);
        }

        Assert.True(last.Deviation > 0);
        Assert.InRange(last.Expected, 40, 100);
    }
}
