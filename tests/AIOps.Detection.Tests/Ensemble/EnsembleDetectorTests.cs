using AIOps.Detection.Calibration;
using AIOps.Detection.Ensemble;
using AIOps.Detection.Robust;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Tests.Ensemble;

public class EnsembleDetectorTests
{
    private static EnsembleDetector Create(int refractory, double factor) => new(
        [new RangeNoveltyScorer(decay: 0)],
        [new CalibrationSettings(RangeHalf: 0.1)],
        new EnsembleOptions { MinPoints = 5, AlarmLevel = 0.5, RefractoryPoints = refractory, RefractoryFactor = factor });

    [Fact]
    public void Update_SecondAlarmWithinRefractory_IsDamped()
    {
        var sut = Create(refractory: 10, factor: 0.5);
        for (var i = 0; i < 50; i++)
        {
            sut.Update(SeriesBuilder.At(i), i % 2);
        }

        var first = sut.Update(SeriesBuilder.At(50), 3).Score;   // 2 ranges above
        var second = sut.Update(SeriesBuilder.At(51), 8).Score;  // ~1.7 ranges above the new max, damped

        Assert.True(first >= 0.5);
        Assert.True(second < 0.5, $"second {second}");
    }

    [Fact]
    public void Update_NonFiniteValue_ReturnsNone()
    {
        var sut = Create(0, 1);

        Assert.Equal(AnomalyScore.None, sut.Update(SeriesBuilder.At(0), double.NaN));
    }
}
