using AIOps.Detection.Robust;

namespace AIOps.Detection.Tests.Robust;

public class FeatureNoveltyScorerTests
{
    [Fact]
    public void Update_SustainedShiftInsideRawRange_LeavesSmoothedRange()
    {
        // Alternating 0/10 keeps the smoothed level near 5; a run of 10s stays inside the raw range.
        var values = Enumerable.Range(0, 600).Select(i => i % 2 == 0 ? 0.0 : 10.0).Concat(Enumerable.Repeat(10.0, 60)).ToArray();

        var scores = RawScorerHarness.Run(new FeatureNoveltyScorer(NoveltyFeature.SmoothedLevel, rate: 0.1, decay: 0), values);

        Assert.True(scores.Skip(100).Take(500).Max() < 1e-3, $"steady {scores.Skip(100).Take(500).Max()}");
        Assert.True(scores.Skip(600).Max() > 0.3, $"shift {scores.Skip(600).Max()}");
    }

    [Fact]
    public void Update_VolatilityBurst_ScoresAboveZero()
    {
        var values = SeriesBuilder.Noise(700, 0, 1);
        for (var i = 600; i < 700; i++)
        {
            values[i] *= 6;
        }

        var scores = RawScorerHarness.Run(new FeatureNoveltyScorer(NoveltyFeature.Volatility, decay: 0), values);

        Assert.True(scores.Skip(600).Max() > 0.3);
    }

    [Fact]
    public void Update_JumpLargerThanAnyBefore_ScoresStepNovelty()
    {
        var values = Enumerable.Range(0, 300).Select(i => (double)(i % 5)).Append(-20.0).ToArray(); // steps within [-4, 1]

        var scores = RawScorerHarness.Run(new FeatureNoveltyScorer(NoveltyFeature.Step, decay: 0), values);

        Assert.All(scores.Skip(50).Take(250), s => Assert.Equal(0.0, s));
        Assert.True(scores[^1] > 2, $"step {scores[^1]}");
    }
}
