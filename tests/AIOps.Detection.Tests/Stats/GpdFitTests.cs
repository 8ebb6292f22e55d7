using AIOps.Detection.Stats;

namespace AIOps.Detection.Tests.Stats;

public class GpdFitTests
{
    // Inverse CDF of the GPD: y = scale/shape · (U^(-shape) - 1), exponential at shape 0.
    internal static double[] Sample(double shape, double scale, int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u = 1 - random.NextDouble();
            values[i] = Math.Abs(shape) < 1e-12 ? -scale * Math.Log(u) : scale / shape * (Math.Pow(u, -shape) - 1);
        }

        return values;
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.15, 2.0)]
    [InlineData(-0.3, 0.5)]
    public void FromMoments_GeneratedExcesses_RecoversShapeAndScale(double shape, double scale)
    {
        var sample = Sample(shape, scale, 200_000, seed: 7);
        var mean = sample.Average();
        var variance = sample.Sum(y => (y - mean) * (y - mean)) / sample.Length;

        var sut = GpdFit.FromMoments(mean, variance);

        Assert.InRange(sut.Shape, shape - 0.05, shape + 0.05);
        Assert.InRange(sut.Scale, scale * 0.93, scale * 1.07);
    }

    [Fact]
    public void FromMoments_NoExcessMean_GivesEmptyFit()
    {
        var sut = GpdFit.FromMoments(0, 0);

        Assert.Equal(0, sut.Scale);
        Assert.Equal(double.PositiveInfinity, sut.LogSurvivalSurprise(1));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.0)]
    [InlineData(-0.4)]
    public void LogSurvivalSurprise_GrowingExcess_IsZeroAtZeroAndIncreasing(double shape)
    {
        var sut = new GpdFit(shape, 1.0);

        Assert.Equal(0, sut.LogSurvivalSurprise(0));
        var previous = 0.0;
        for (var y = 0.1; y < 2.4; y += 0.1)
        {
            var surprise = sut.LogSurvivalSurprise(y);
            Assert.True(surprise > previous, $"surprise at {y} ({surprise}) not above {previous}");
            previous = surprise;
        }
    }

    [Fact]
    public void LogSurvivalSurprise_Exponential_IsExcessOverScale()
    {
        var sut = new GpdFit(0, 2.0);

        Assert.Equal(1.5, sut.LogSurvivalSurprise(3.0), 12);
    }

    [Fact]
    public void LogSurvivalSurprise_BeyondBoundedTailEnd_IsInfinite()
    {
        var sut = new GpdFit(-0.5, 1.0); // support ends at scale/|shape| = 2

        Assert.True(double.IsFinite(sut.LogSurvivalSurprise(1.9)));
        Assert.Equal(double.PositiveInfinity, sut.LogSurvivalSurprise(2.5));
    }

    [Fact]
    public void LogSurvivalSurprise_SameMeanExcess_HeavyTailLessSurprisedThanLightTail()
    {
        // Both have mean excess 1 (mean = scale / (1 - shape)).
        var heavy = new GpdFit(0.3, 0.7);
        var light = new GpdFit(-0.3, 1.3);

        Assert.True(heavy.LogSurvivalSurprise(3.0) < light.LogSurvivalSurprise(3.0));
        Assert.True(heavy.LogSurvivalSurprise(3.0) < new GpdFit(0, 1).LogSurvivalSurprise(3.0));
    }
}
