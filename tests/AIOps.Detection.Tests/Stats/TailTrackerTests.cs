using AIOps.Detection.Stats;

namespace AIOps.Detection.Tests.Stats;

public class TailTrackerTests
{
    [Fact]
    public void Observe_UniformValues_ThresholdSettlesAtTheQuantile()
    {
        var random = new Random(3);
        var sut = TailTracker.StartAt(random.NextDouble());

        for (var i = 0; i < 100_000; i++)
        {
            sut.Observe(random.NextDouble(), quantile: 0.95, step: 0.01, excessRate: 0.01);
        }

        Assert.InRange(sut.Threshold, 0.93, 0.97);
    }

    [Fact]
    public void Observe_ExponentialValues_FitsExponentialExcesses()
    {
        // Exponential values are memoryless: the excesses over any threshold are exponential with the same scale.
        var values = GpdFitTests.Sample(0, 2.0, 200_000, seed: 11);
        var sut = TailTracker.StartAt(values[0]);

        foreach (var value in values.AsSpan(1))
        {
            sut.Observe(value, quantile: 0.9, step: 0.02, excessRate: 0.001);
        }

        Assert.InRange(sut.Fit.Shape, -0.12, 0.12);
        Assert.InRange(sut.Fit.Scale, 1.7, 2.3);
        Assert.InRange(sut.Excesses, 15_000, 25_000);
    }

    [Fact]
    public void SurpriseBeyond_ValueAtOrBelowReference_IsZero()
    {
        var sut = Warmed(GpdFitTests.Sample(0, 1.0, 5_000, seed: 5));

        Assert.Equal(0, sut.SurpriseBeyond(10, 10));
        Assert.Equal(0, sut.SurpriseBeyond(10, 9));
        Assert.True(sut.SurpriseBeyond(10, 11) > 0);
    }

    [Fact]
    public void SurpriseBeyond_ValueUnderThreshold_IsInfinite()
    {
        var sut = Warmed(GpdFitTests.Sample(0, 1.0, 5_000, seed: 5));

        Assert.Equal(double.PositiveInfinity, sut.SurpriseBeyond(sut.Threshold - 0.2, sut.Threshold - 0.1));
    }

    [Fact]
    public void SurpriseBeyond_SameStepPastRecord_SmallerForHeavyTail()
    {
        var heavy = Warmed(GpdFitTests.Sample(0.4, 1.0, 20_000, seed: 1));
        var light = Warmed(GpdFitTests.Sample(-0.4, 1.0, 20_000, seed: 1));

        // 0.2 past a record 0.5 above each threshold (the light tail ends about 1.0 above its threshold).
        var heavySurprise = heavy.SurpriseBeyond(heavy.Threshold + 0.5, heavy.Threshold + 0.7);
        var lightSurprise = light.SurpriseBeyond(light.Threshold + 0.5, light.Threshold + 0.7);

        Assert.True(double.IsFinite(lightSurprise));
        Assert.True(heavySurprise < lightSurprise, $"heavy {heavySurprise} vs light {lightSurprise}");
    }

    private static TailTracker Warmed(double[] values)
    {
        var tracker = TailTracker.StartAt(values[0]);
        foreach (var value in values.AsSpan(1))
        {
            tracker.Observe(value, quantile: 0.9, step: 0.01, excessRate: 0.005);
        }

        return tracker;
    }
}
