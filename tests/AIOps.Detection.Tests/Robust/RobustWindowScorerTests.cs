using AIOps.Detection.Robust;

namespace AIOps.Detection.Tests.Robust;

public class RobustWindowScorerTests
{
    [Fact]
    public void Update_OutlierAfterOutliers_StillScoresHigh()
    {
        var values = SeriesBuilder.Noise(300, 0, 1);
        values[200] = 50; // an earlier outlier must not inflate the scale as a std would
        values[250] = 8;

        var scores = RawScorerHarness.Run(new RobustWindowScorer(), values);

        Assert.True(scores[250] > 5, $"z {scores[250]}");
    }

    [Fact]
    public void Update_QuantisedFlatSeries_UsesRangeFallback()
    {
        var values = Enumerable.Repeat(3.0, 100).Select((v, i) => i % 20 == 0 ? 4.0 : v).Append(20.0).ToArray();

        var scores = RawScorerHarness.Run(new RobustWindowScorer(), values);

        Assert.True(double.IsFinite(scores[^1]) && scores[^1] > 10);
    }
}
