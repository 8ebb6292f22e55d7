using AIOps.Detection.Robust;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Tests.Robust;

public class ShapeNoveltyScorerTests
{
    // A sawtooth of period 16 between 0 and 10: the same few window shapes again and again.
    private static double[] Sawtooth(int n) => Enumerable.Range(0, n).Select(i => (double)(i % 16) * 10 / 15).ToArray();

    [Fact]
    public void Update_DuringWarmUp_ScoresZero()
    {
        var sut = new ShapeNoveltyScorer(length: 8, stride: 2, settle: 100);

        var scores = RawScorerHarness.Run(sut, SeriesBuilder.Noise(100, 50, 10));

        Assert.All(scores, s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void Update_ConstantSeries_ScoresZeroWithOneCategory()
    {
        var sut = new ShapeNoveltyScorer(settle: 10);

        var scores = RawScorerHarness.Run(sut, Enumerable.Repeat(42.0, 1000).ToArray());

        Assert.All(scores, s => Assert.Equal(0.0, s));
        Assert.Equal(1, sut.Categories);
    }

    [Fact]
    public void Update_RepeatedPattern_LearnsItThenScoresZero()
    {
        var sut = new ShapeNoveltyScorer(length: 8, stride: 1, capacity: 32, vigilance: 0.9, decay: 0, settle: 10);

        var scores = RawScorerHarness.Run(sut, Sawtooth(2000));

        Assert.All(scores.Skip(1000), s => Assert.Equal(0.0, s));
        Assert.InRange(sut.Categories, 1, 32);
    }

    [Fact]
    public void Update_NewShapeInsideTheRange_ScoresAboveZero()
    {
        var sut = new ShapeNoveltyScorer(length: 8, stride: 1, capacity: 32, vigilance: 0.9, decay: 0, settle: 10);
        RawScorerHarness.Run(sut, Sawtooth(2000));

        // Alternating 0/10 stays inside the learned range but is a shape the sawtooth never had.
        var scores = RawScorerHarness.Run(sut, Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? 0.0 : 10.0).ToArray());

        Assert.Contains(scores, s => s > 0.05);
    }

    [Fact]
    public void Update_FullCapacity_ReusesTheLeastRecentlyUsedCategory()
    {
        var sut = new ShapeNoveltyScorer(length: 4, stride: 1, capacity: 4, vigilance: 0.99, decay: 0, settle: 10);

        RawScorerHarness.Run(sut, SeriesBuilder.Noise(5000, 50, 10));

        Assert.Equal(4, sut.Categories);
    }

    [Fact]
    public void EnsembleUpdate_NaNAndGaps_ScoreZeroAndKeepWorking()
    {
        Assert.True(DetectorCatalog.TryCreate("shape", out var factory));
        var sut = factory.Create("m");
        var values = Sawtooth(600);
        for (var i = 0; i < values.Length; i++)
        {
            // An hour-long gap every 100 points and a NaN every 50.
            var at = SeriesBuilder.At(i + (i / 100 * 12));
            var score = i % 50 == 49 ? sut.Update(at, double.NaN) : sut.Update(at, values[i]);
            Assert.InRange(score.Score, 0, 1);
            if (i % 50 == 49)
            {
                Assert.Equal(AnomalyScore.None, score);
            }
        }
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        var sut = new ShapeNoveltyScorer();
        var values = SeriesBuilder.Noise(3000, 50, 10);
        var context = new PointContext(1.0, TimeSpan.FromMinutes(5));
        for (var i = 0; i < 1000; i++)
        {
            sut.Update(values[i], context);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1000; i < values.Length; i++)
        {
            sut.Update(values[i], context);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
