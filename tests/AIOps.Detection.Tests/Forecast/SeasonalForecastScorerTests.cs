using AIOps.Detection.Forecast;

namespace AIOps.Detection.Tests.Forecast;

public class SeasonalForecastScorerTests
{
    private static double[] Daily(int days, double noise) =>
        [.. SeriesBuilder.Noise(288 * days, 0, noise).Select((e, i) => 100 + (30 * Math.Sin(2 * Math.PI * i / 288.0)) + e)];

    [Fact]
    public void Update_DailyPatternAtFiveMinutes_DetectsPeriod288()
    {
        var sut = new SeasonalForecastScorer(new HoltResidualScorer());

        RawScorerHarness.Run(sut, Daily(4, 1));

        Assert.Equal(288, sut.Period);
    }

    [Fact]
    public void Update_WhiteNoise_DetectsNoPeriod()
    {
        var sut = new SeasonalForecastScorer(new HoltResidualScorer());

        RawScorerHarness.Run(sut, SeriesBuilder.Noise(288 * 4, 100, 5));

        Assert.Equal(0, sut.Period);
    }

    [Fact]
    public void Update_DipInsideDailyRange_ScoresHighOnSeasonalResidual()
    {
        var values = Daily(6, 0.5);
        var peak = (288 * 5) + 72; // daily maximum
        values[peak] -= 20;        // still inside the daily range

        var scores = RawScorerHarness.Run(new SeasonalForecastScorer(new HoltResidualScorer()), values);

        Assert.True(scores[peak] > 8, $"seasonal z {scores[peak]}");
    }

    [Fact]
    public void Update_HourlyData_PrefersWeeklyPeriodThatAlsoHoldsTheDailyOne()
    {
        var sut = new SeasonalForecastScorer(new HoltResidualScorer(), maxPeriod: 336, preferWeekly: true);
        var values = SeriesBuilder.Noise(168 * 4, 0, 1).Select((e, i) => 50 + (20 * Math.Sin(2 * Math.PI * i / 24.0)) + (i % 168 >= 120 ? -15 : 0) + e).ToArray();

        RawScorerHarness.Run(sut, values, stepMinutes: 60);

        Assert.Equal(168, sut.Period);
    }
}
