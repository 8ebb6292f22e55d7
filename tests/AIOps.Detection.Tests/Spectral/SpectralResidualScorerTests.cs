using AIOps.Detection.Spectral;

namespace AIOps.Detection.Tests.Spectral;

public class SpectralResidualScorerTests
{
    [Fact]
    public void Update_SpikeOnSmoothWave_ScoresFarAboveOrdinaryPoints()
    {
        var noise = SeriesBuilder.Noise(400, 0, 0.1);
        var values = Enumerable.Range(0, 400).Select(i => 10 + Math.Sin(i / 8.0) + noise[i]).ToArray();
        values[300] += 5;

        var scores = RawScorerHarness.Run(new SpectralResidualScorer(), values);

        Assert.True(scores[300] > 1.2 * scores.Skip(100).Take(190).Max(), $"spike {scores[300]} vs {scores.Skip(100).Take(190).Max()}");
    }

    [Fact]
    public void Constructor_NonPowerOfTwo_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpectralResidualScorer(fftSize: 48));
    }
}
