using AIOps.Detection.Stats;

namespace AIOps.Detection.Tests.Stats;

public class GaussianTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.15865525393145707)]
    [InlineData(3.0, 0.0013498980316301)]
    [InlineData(-2.0, 0.9772498680518208)]
    public void UpperTail_KnownValues_Match(double z, double expected)
    {
        Assert.Equal(expected, Gaussian.UpperTail(z), 6);
    }

    [Fact]
    public void UpperTailLog10_AcrossAsymptoticSwitch_IsContinuousAndMonotone()
    {
        Assert.Equal(-Math.Log10(Gaussian.UpperTail(4.999)), Gaussian.UpperTailLog10(4.999), 6);
        Assert.InRange(Gaussian.UpperTailLog10(5.0001) - Gaussian.UpperTailLog10(4.9999), 0, 0.01);
        Assert.True(Gaussian.UpperTailLog10(40) > Gaussian.UpperTailLog10(20));
        Assert.True(double.IsFinite(Gaussian.UpperTailLog10(1e6)));
    }
}
