using AIOps.Detection.Calibration;

namespace AIOps.Detection.Tests.Calibration;

public class AnomalyLikelihoodTests
{
    [Fact]
    public void Update_OrdinaryRawScores_StayLowAndJumpIsHigh()
    {
        var settings = new CalibrationSettings();
        var sut = default(AnomalyLikelihood);
        var noise = SeriesBuilder.Noise(2000, 1, 0.3);
        var maxOrdinary = 0.0;
        for (var i = 0; i < noise.Length; i++)
        {
            var s = sut.Update(Math.Abs(noise[i]), settings);
            Assert.InRange(s, 0.0, 1.0);
            if (i > 200)
            {
                maxOrdinary = Math.Max(maxOrdinary, s);
            }
        }

        Assert.True(maxOrdinary < 0.5, $"ordinary {maxOrdinary}");
        Assert.True(sut.Update(40, settings) >= 0.5);
        Assert.True(sut.Tail < 1e-5);
    }

    [Fact]
    public void Update_DuringWarmup_ScoresZero()
    {
        var settings = new CalibrationSettings(Warmup: 30);
        var sut = default(AnomalyLikelihood);

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(0.0, sut.Update(i == 20 ? 1000 : 1, settings));
        }
    }

    [Fact]
    public void Update_RangeRatioMode_MapsHalfToOneHalf()
    {
        var sut = default(AnomalyLikelihood);

        Assert.Equal(0.5, sut.Update(0.1, new CalibrationSettings(RangeHalf: 0.1)), 12);
    }
}
