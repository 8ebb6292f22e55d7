using AIOps.Accuracy.Nab;

namespace AIOps.Accuracy.Tests.Nab;

public class NabScorerTests
{
    private static readonly NabProfile AllOnes = new("ones", 1, 1, 1);

    private static double[] Detections(int rows, params int[] at)
    {
        var scores = new double[rows];
        foreach (var i in at)
        {
            scores[i] = 1.0;
        }

        return scores;
    }

    [Fact]
    public void Score_ReadmeParityCase_ScoresMinus0954()
    {
        var file = NabScorer.Prepare(100, [new NabWindow(30, 34), new NabWindow(65, 69)], AllOnes, probation: 0);

        var sut = NabScorer.Score(file, Detections(100, 30, 31, 37), 0.5);

        Assert.Equal(-0.9540, sut.Raw, 4);
        Assert.Equal(1, sut.TruePositives);
        Assert.Equal(1, sut.FalseNegatives);
        Assert.Equal(1, sut.FalsePositives);
    }

    [Fact]
    public void ScaledSigmoid_KnownPoints_MatchNabDefinition()
    {
        Assert.Equal(0.0, NabScorer.ScaledSigmoid(0.0), 12);
        Assert.Equal(0.9866142981514305, NabScorer.ScaledSigmoid(-1.0), 12);
        Assert.Equal(-1.0, NabScorer.ScaledSigmoid(3.5));
        Assert.True(NabScorer.ScaledSigmoid(3.0) > -1.0);
    }

    [Fact]
    public void Score_DetectionAtLeftEdge_EarnsFullTruePositiveWeight()
    {
        var file = NabScorer.Prepare(50, [new NabWindow(10, 19)], NabProfile.Standard, probation: 0);

        Assert.Equal(1.0, NabScorer.Score(file, Detections(50, 10), 0.5).Raw, 12);
    }

    [Fact]
    public void Score_LaterDetectionInWindow_EarnsLessAndOnlyBestCounts()
    {
        var file = NabScorer.Prepare(50, [new NabWindow(10, 19)], NabProfile.Standard, probation: 0);

        var late = NabScorer.Score(file, Detections(50, 18), 0.5).Raw;
        var both = NabScorer.Score(file, Detections(50, 12, 18), 0.5).Raw;
        var early = NabScorer.Score(file, Detections(50, 12), 0.5).Raw;

        Assert.True(late < early);
        Assert.Equal(early, both, 12);
    }

    [Fact]
    public void Score_DetectionBeforeAnyWindow_CostsFullFalsePositiveWeight()
    {
        var file = NabScorer.Prepare(50, [new NabWindow(30, 39)], NabProfile.RewardLowFalsePositives, probation: 0);

        var sut = NabScorer.Score(file, Detections(50, 5, 30), 0.5);

        Assert.Equal(1.0 - 0.22, sut.Raw, 12);
    }

    [Fact]
    public void Score_MissedWindowUnderLowFnProfile_CostsTwo()
    {
        var file = NabScorer.Prepare(50, [new NabWindow(30, 39)], NabProfile.RewardLowFalseNegatives, probation: 0);

        Assert.Equal(-2.0, NabScorer.Score(file, new double[50], 0.5).Raw, 12);
        Assert.Equal(-2.0, file.NullScore);
        Assert.Equal(1.0, file.PerfectScore);
    }

    [Fact]
    public void Score_DetectionsInProbation_AreIgnored()
    {
        var file = NabScorer.Prepare(100, [new NabWindow(60, 69)], NabProfile.Standard, NabScorer.ProbationLength(100));

        var sut = NabScorer.Score(file, Detections(100, 3, 14), 0.5);

        Assert.Equal(15, NabScorer.ProbationLength(100));
        Assert.Equal(-1.0, sut.Raw, 12);
        Assert.Equal(0, sut.FalsePositives);
    }

    [Fact]
    public void ProbationLength_LongFile_CapsAt750()
    {
        Assert.Equal(750, NabScorer.ProbationLength(22695));
        Assert.Equal(600, NabScorer.ProbationLength(4000));
    }

    [Fact]
    public void Score_ThresholdIsInclusive()
    {
        var file = NabScorer.Prepare(20, [new NabWindow(5, 9)], AllOnes, probation: 0);
        var scores = new double[20];
        scores[5] = 0.5;

        Assert.Equal(1.0, NabScorer.Score(file, scores, 0.5).Raw, 12);
        Assert.Equal(-1.0, NabScorer.Score(file, scores, 0.50001).Raw, 12);
    }
}
