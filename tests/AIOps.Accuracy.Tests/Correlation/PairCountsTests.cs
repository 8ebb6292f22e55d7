using AIOps.Accuracy.Correlation;

namespace AIOps.Accuracy.Tests.Correlation;

public sealed class PairCountsTests
{
    [Fact]
    public void Of_SplitAndFalseMerge_CountsPairs()
    {
        // Truth: a = {1,2,3}, b = {4}. Predicted: X = {1,2,4}, Y = {3}.
        var sut = PairCounts.Of([("a", "X"), ("a", "X"), ("a", "Y"), ("b", "X")]);

        Assert.Equal(1, sut.TruePositives);  // 1-2
        Assert.Equal(2, sut.FalsePositives); // 1-4, 2-4
        Assert.Equal(2, sut.FalseNegatives); // 1-3, 2-3
        Assert.Equal(1.0 / 3, sut.Precision, 6);
        Assert.Equal(1.0 / 3, sut.Recall, 6);
    }

    [Fact]
    public void Of_PerfectClustering_IsOne()
    {
        var sut = PairCounts.Of([("a", "X"), ("a", "X"), ("b", "Y")]);

        Assert.Equal(1.0, sut.F1);
    }
}
