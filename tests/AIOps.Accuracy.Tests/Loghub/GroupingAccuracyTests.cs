using AIOps.Accuracy.Loghub;

namespace AIOps.Accuracy.Tests.Loghub;

public sealed class GroupingAccuracyTests
{
    [Fact]
    public void Compute_SameGroupingUnderOtherNames_IsOne()
    {
        var accuracy = GroupingAccuracy.Compute(["x", "x", "y", "z"], ["E1", "E1", "E2", "E3"]);

        Assert.Equal(1.0, accuracy);
    }

    [Fact]
    public void Compute_HandMadeExample_CountsOnlyLinesWhoseGroupsMatchExactly()
    {
        // Truth: E1 = {0,1,2}, E2 = {3,4}, E3 = {5}, E4 = {6,7}.
        // Predicted: a = {0,1,2} right (3); b = {3} and c = {4} split E2 (0); d = {5,6,7} merges E3 with E4 (0).
        string[] truth = ["E1", "E1", "E1", "E2", "E2", "E3", "E4", "E4"];
        string[] predicted = ["a", "a", "a", "b", "c", "d", "d", "d"];

        var accuracy = GroupingAccuracy.Compute(predicted, truth);

        Assert.Equal(3.0 / 8, accuracy);
    }

    [Fact]
    public void Compute_OneBigGroup_IsRightOnlyForTheLinesOfASingleEvent()
    {
        Assert.Equal(0.0, GroupingAccuracy.Compute(["a", "a", "a"], ["E1", "E1", "E2"]));
        Assert.Equal(1.0, GroupingAccuracy.Compute(["a", "a", "a"], ["E1", "E1", "E1"]));
    }

    [Fact]
    public void Compute_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => GroupingAccuracy.Compute(["a"], ["E1", "E2"]));
    }
}
