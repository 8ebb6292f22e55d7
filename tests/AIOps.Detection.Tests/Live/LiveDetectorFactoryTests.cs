using AIOps.Detection;

namespace AIOps.Detection.Tests.Live;

public sealed class LiveDetectorFactoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_YoungNoisySeries_NewRecordsDoNotReachSignalLevel()
    {
        // Gaussian noise: every new high or low is "novel" to the ensemble, but small against the noise.
        var random = new Random(674386);
        var sut = new LiveDetectorFactory().Create("latency");
        var ungated = new DefaultDetectorFactory().Create("latency");
        var maxLive = 0.0;
        var maxUngated = 0.0;

        for (var i = 0; i < 300; i++)
        {
            var value = 100 + (5 * Gaussian(random));
            maxLive = Math.Max(maxLive, sut.Update(T0.AddMinutes(i), value).Score);
            maxUngated = Math.Max(maxUngated, ungated.Update(T0.AddMinutes(i), value).Score);
        }

        Assert.True(maxUngated >= 0.8, $"the ungated ensemble should fire on early records (max {maxUngated:0.00}); otherwise this test proves nothing");
        Assert.True(maxLive < 0.8, $"live detector fired on plain noise (max {maxLive:0.00})");
    }

    [Fact]
    public void Update_LargeStep_ScoresHighWithExpectedAndDeviation()
    {
        var random = new Random(674386);
        var sut = new LiveDetectorFactory().Create("latency");
        for (var i = 0; i < 300; i++)
        {
            sut.Update(T0.AddMinutes(i), 100 + (5 * Gaussian(random)));
        }

        var score = sut.Update(T0.AddMinutes(300), 400);

        Assert.True(score.Score >= 0.8, $"score {score.Score:0.00}");
        Assert.InRange(score.Expected, 95, 105);
        Assert.True(score.Deviation > 20);
    }

    [Fact]
    public void Update_WarmUpAndNaN_ScoreZero()
    {
        var sut = new LiveDetectorFactory().Create("latency");

        Assert.Equal(0, sut.Update(T0, 1e9).Score);
        Assert.Equal(0, sut.Update(T0.AddMinutes(1), double.NaN).Score);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
