using AIOps.Accuracy.Rca;

namespace AIOps.Accuracy.Tests.Rca;

public sealed class RcaScoreTests
{
    [Fact]
    public void FromRanks_HandExample_MatchesDefinition()
    {
        // Five cases: the cause ranked 1st, 2nd, 4th, not at all, 6th.
        // AC@1 = 1/5, AC@2 = 2/5, AC@3 = 2/5, AC@4 = 3/5, AC@5 = 3/5; Avg@5 = (0.2 + 0.4 + 0.4 + 0.6 + 0.6) / 5 = 0.44.
        var sut = RcaScore.FromRanks([1, 2, 4, 0, 6]);

        Assert.Equal(5, sut.Cases);
        Assert.Equal(0.2, sut.Ac1, 10);
        Assert.Equal(0.4, sut.Ac3, 10);
        Assert.Equal(0.6, sut.Ac5, 10);
        Assert.Equal(0.44, sut.Avg5, 10);
    }

    [Fact]
    public void FromRanks_AllFirst_IsPerfect()
    {
        var sut = RcaScore.FromRanks([1, 1, 1]);

        Assert.Equal(1, sut.Ac1);
        Assert.Equal(1, sut.Avg5);
    }

    [Fact]
    public void RankOf_FindsOneBasedPositionOrZero()
    {
        string[] ranking = ["carts", "user", "orders"];

        Assert.Equal(1, RcaScore.RankOf(ranking, "carts"));
        Assert.Equal(3, RcaScore.RankOf(ranking, "orders"));
        Assert.Equal(0, RcaScore.RankOf(ranking, "payment"));
    }
}
