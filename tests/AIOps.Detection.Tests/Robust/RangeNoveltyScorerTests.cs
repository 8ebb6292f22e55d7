using AIOps.Detection.Robust;

namespace AIOps.Detection.Tests.Robust;

public class RangeNoveltyScorerTests
{
    [Fact]
    public void Update_ValueOutsideHistoricRange_ScoresByFractionOfRange()
    {
        var values = Enumerable.Range(0, 200).Select(i => (double)(i % 11)).Append(15.0).ToArray(); // range 0..10

        var scores = RawScorerHarness.Run(new RangeNoveltyScorer(decay: 0), values);

        Assert.All(scores.Skip(20).Take(180), s => Assert.Equal(0.0, s));
        Assert.Equal(0.5, scores[200], 9);
    }
}
