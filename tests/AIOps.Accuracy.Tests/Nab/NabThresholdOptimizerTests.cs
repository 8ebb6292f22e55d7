using AIOps.Accuracy.Nab;

namespace AIOps.Accuracy.Tests.Nab;

public class NabThresholdOptimizerTests
{
    [Fact]
    public void Optimize_AnyThreshold_MatchesBruteForceOverDistinctScores()
    {
        var random = new Random(674386);
        var files = new List<NabFileWeights>();
        var scores = new List<double[]>();
        foreach (var profile in NabProfile.All)
        {
            files.Clear();
            scores.Clear();
            for (var f = 0; f < 4; f++)
            {
                var rows = 200;
                files.Add(NabScorer.Prepare(rows, [new NabWindow(60 + f, 80 + f), new NabWindow(140, 150)], profile, NabScorer.ProbationLength(rows)));
                scores.Add([.. Enumerable.Range(0, rows).Select(_ => Math.Round(random.NextDouble(), 2))]);
            }

            var (threshold, raw) = NabThresholdOptimizer.Optimize(files, scores);

            var bruteBest = files.Sum(f => f.NullScore);
            foreach (var t in scores.SelectMany(s => s).Distinct())
            {
                bruteBest = Math.Max(bruteBest, files.Select((f, i) => NabScorer.Score(f, scores[i], t).Raw).Sum());
            }

            Assert.Equal(bruteBest, raw, 9);
            Assert.Equal(raw, files.Select((f, i) => NabScorer.Score(f, scores[i], threshold).Raw).Sum(), 9);
        }
    }

    [Fact]
    public void Optimize_DetectorThatOnlyHurts_ChoosesNullScore()
    {
        var file = NabScorer.Prepare(100, [new NabWindow(50, 59)], NabProfile.Standard, probation: 0);
        var scores = new double[100];
        Array.Fill(scores, 0.9, 0, 40);

        var (threshold, raw) = NabThresholdOptimizer.Optimize([file], [scores]);

        Assert.Equal(-1.0, raw, 12);
        Assert.True(threshold > 0.9);
    }
}
