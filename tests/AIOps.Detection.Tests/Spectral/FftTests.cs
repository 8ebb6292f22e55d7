using AIOps.Detection.Spectral;

namespace AIOps.Detection.Tests.Spectral;

public class FftTests
{
    [Fact]
    public void Transform_CosineAtBin3_PeaksAtBins3And61()
    {
        var re = new double[64];
        var im = new double[64];
        for (var i = 0; i < 64; i++)
        {
            re[i] = Math.Cos(2 * Math.PI * 3 * i / 64);
        }

        Fft.Transform(re, im, inverse: false);

        Assert.Equal(32, re[3], 9);
        Assert.Equal(32, re[61], 9);
        Assert.Equal(0, re[5], 9);
    }

    [Fact]
    public void Transform_ForwardThenInverse_RoundTrips()
    {
        var random = new Random(674386);
        var original = Enumerable.Range(0, 32).Select(_ => random.NextDouble()).ToArray();
        var re = (double[])original.Clone();
        var im = new double[32];

        Fft.Transform(re, im, inverse: false);
        Fft.Transform(re, im, inverse: true);

        for (var i = 0; i < 32; i++)
        {
            Assert.Equal(original[i], re[i], 9);
            Assert.Equal(0, im[i], 9);
        }
    }
}
