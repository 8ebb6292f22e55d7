using AIOps.Detection.Forecast;
using AIOps.Detection.Robust;

namespace AIOps.Detection.Tests.Robust;

public class SeasonalRobustScorerTests
{
    [Fact]
    public void Update_DipInsideDailySwing_ScoresHighOnceSeasonal()
    {
        var noise = SeriesBuilder.Noise(288 * 6, 0, 0.5);
        var values = noise.Select((e, i) => 100 + (30 * Math.Sin(2 * Math.PI * i / 288.0)) + e).ToArray();
        var peak = (288 * 5) + 72;
        values[peak] -= 15;
        var season = new SeasonalForecastScorer(new HoltResidualScorer());
        var sut = new SeasonalRobustScorer(season);

        var scores = RawScorerHarness.Run(sut, values);
        var plain = RawScorerHarness.Run(new RobustWindowScorer(), values);

        Assert.Equal(288, season.Period);
        Assert.True(scores[peak] > 8, $"seasonal robust z {scores[peak]}");
        Assert.True(plain[peak] < scores[peak] / 3, $"plain robust z {plain[peak]}");
    }
}
