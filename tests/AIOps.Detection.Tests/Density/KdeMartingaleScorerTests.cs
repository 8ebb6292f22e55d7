using AIOps.Detection.Density;

namespace AIOps.Detection.Tests.Density;

public class KdeMartingaleScorerTests
{
    [Fact]
    public void Update_DistributionChange_MartingaleGrows()
    {
        var values = SeriesBuilder.Noise(600, 0, 1);
        for (var i = 500; i < 600; i++)
        {
            values[i] = (values[i] * 0.2) + 4;
        }

        var scores = RawScorerHarness.Run(new KdeMartingaleScorer(), values);

        Assert.True(scores.Skip(100).Take(400).Max() < 5, $"noise {scores.Skip(100).Take(400).Max()} change {string.Join(",", scores.Skip(500).Take(30).Select(x => x.ToString("F1")))}");
        Assert.True(scores.Skip(500).Take(30).Max() > 2 * scores.Skip(100).Take(400).Max(), $"noise {scores.Skip(100).Take(400).Max()} change {scores.Skip(500).Take(30).Max()}");
    }
}
