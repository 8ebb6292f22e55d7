using AIOps.Detection.ChangePoint;

namespace AIOps.Detection.Tests.ChangePoint;

public class CusumScorerTests
{
    [Fact]
    public void Update_SmallPersistentShift_AccumulatesWhileNoiseDoesNot()
    {
        var values = SeriesBuilder.Noise(1000, 0, 1);
        for (var i = 800; i < 1000; i++)
        {
            values[i] += 1.5; // 1.5 sigma: unremarkable point by point
        }

        var scores = RawScorerHarness.Run(new CusumScorer(resetLevel: 1e9), values);

        Assert.True(scores.Skip(100).Take(700).Max() < 15, $"noise max {scores.Skip(100).Take(700).Max()} at850 {scores[850]}");
        Assert.True(scores[850] > 20, $"cusum after shift {scores[850]}");
    }

    [Fact]
    public void Update_ShiftPastResetLevel_RecentresAndQuietsDown()
    {
        var values = SeriesBuilder.Noise(1200, 0, 1);
        for (var i = 600; i < 1200; i++)
        {
            values[i] += 10;
        }

        var scores = RawScorerHarness.Run(new CusumScorer(resetLevel: 30), values);

        Assert.True(scores.Skip(600).Take(10).Max() > 5, $"after {scores.Skip(600).Take(10).Max()} late {scores.Skip(1000).Max()}");
        Assert.True(scores.Skip(1000).Max() < 15, "the new level should become the baseline");
    }
}
