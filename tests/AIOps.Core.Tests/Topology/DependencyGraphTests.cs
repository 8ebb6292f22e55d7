using AIOps.Core.Topology;

namespace AIOps.Core.Tests.Topology;

public sealed class DependencyGraphTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Path_WithinHops_FollowsEdgesInEitherDirection()
    {
        var sut = new DependencyGraph();
        sut.AddStatic("a", "b");
        sut.AddStatic("c", "b");

        Assert.Equal(["a", "b", "c"], sut.Path("a", "c", 2));
        Assert.Null(sut.Path("a", "c", 1));
        Assert.Null(sut.Path("a", "zzz", 5));
    }

    [Fact]
    public void Expire_RemovesOnlyLearnedEdgesNotSeenSinceCutoff()
    {
        var sut = new DependencyGraph();
        sut.AddStatic("a", "b");
        sut.Observe("b", "c", T0);
        sut.Observe("b", "d", T0.AddHours(2));

        var removed = sut.Expire(T0.AddHours(1));

        Assert.Equal(1, removed);
        Assert.Equal(["d"], sut.Callees("b"));
        Assert.Equal(["b"], sut.Callees("a"));
        Assert.Empty(sut.Callers("c"));
    }

    [Fact]
    public void Observe_SelfCall_IsIgnored()
    {
        var sut = new DependencyGraph();

        sut.Observe("a", "a", T0);

        Assert.Empty(sut.Edges());
    }
}
