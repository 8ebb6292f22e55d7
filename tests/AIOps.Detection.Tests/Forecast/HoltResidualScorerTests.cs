using AIOps.Detection.Forecast;

namespace AIOps.Detection.Tests.Forecast;

public class HoltResidualScorerTests
{
    [Fact]
    public void Update_LinearTrend_ForecastsNextPoint()
    {
        var sut = new HoltResidualScorer(phi: 1.0);

        RawScorerHarness.Run(sut, [.. Enumerable.Range(0, 300).Select(i => 5.0 + (2.0 * i))]);

        Assert.Equal(5.0 + (2.0 * 299), sut.Expected, 0);
    }

    [Fact]
    public void Update_Spike_ScoresLargeZ()
    {
        var values = SeriesBuilder.Noise(500, 10, 1);
        values[450] = 30;

        var scores = RawScorerHarness.Run(new HoltResidualScorer(), values);

        Assert.True(scores[450] > 8, $"z {scores[450]}");
    }
}
