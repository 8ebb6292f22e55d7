using AIOps.Detection.Scoring;

namespace AIOps.Detection.Tests;

/// <summary>Feeds a raw scorer regular 5-minute points and returns its raw scores.</summary>
internal static class RawScorerHarness
{
    public static double[] Run(IRawScorer sut, double[] values, int stepMinutes = 5)
    {
        var context = new PointContext(1.0, TimeSpan.FromMinutes(stepMinutes));
        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            scores[i] = sut.Update(values[i], context);
        }

        return scores;
    }
}
