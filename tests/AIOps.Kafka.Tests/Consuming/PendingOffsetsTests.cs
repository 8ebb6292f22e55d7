using AIOps.Kafka.Consuming;
using Confluent.Kafka;

namespace AIOps.Kafka.Tests.Consuming;

public sealed class PendingOffsetsTests
{
    [Fact]
    public void Take_AfterSetsOnSeveralPartitions_ReturnsNewestOffsetPerPartitionOnce()
    {
        var sut = new PendingOffsets();
        sut.Set("a", 0, 5, 1);
        sut.Set("a", 0, 6, 1);
        sut.Set("a", 1, 3, null);
        sut.Set(new string('a', 1), 0, 7, 2); // an equal topic string that is another instance

        var taken = sut.Take(null);

        Assert.Equal(2, taken.Count);
        Assert.Contains(new TopicPartitionOffset("a", 0, 7, 2), taken);
        Assert.Contains(new TopicPartitionOffset("a", 1, 3, null), taken);
        Assert.Equal(0, sut.Count);
        Assert.Empty(sut.Take(null));
    }

    [Fact]
    public void Take_OnlyRevokedPartitions_LeavesTheOthersPending()
    {
        var sut = new PendingOffsets();
        sut.Set("a", 0, 5, null);
        sut.Set("a", 1, 9, null);

        var taken = sut.Take([new TopicPartitionOffset("a", 1, Offset.Unset)]);

        Assert.Equal([new TopicPartitionOffset("a", 1, 9, null)], taken);
        Assert.Equal(1, sut.Count);
        Assert.Equal([new TopicPartitionOffset("a", 0, 5, null)], sut.Take(null));
    }

    [Fact]
    public void TryGetNext_AfterForget_IsUnknownUntilSetAgain()
    {
        var sut = new PendingOffsets();
        sut.Set("a", 0, 5, null);
        sut.Take(null);
        Assert.True(sut.TryGetNext("a", 0, out var next));
        Assert.Equal(5, next);

        sut.Forget([new TopicPartitionOffset("a", 0, Offset.Unset)]);
        Assert.False(sut.TryGetNext("a", 0, out _));

        sut.Set("a", 0, 8, null);
        Assert.True(sut.TryGetNext("a", 0, out next));
        Assert.Equal(8, next);
    }

    [Fact]
    public void Set_ManyPartitions_GrowsAndKeepsEach()
    {
        var sut = new PendingOffsets();
        for (var p = 0; p < 100; p++)
        {
            sut.Set("t", p, p + 1, null);
        }

        Assert.Equal(100, sut.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), sut.Take(null).Select(o => o.Offset.Value).Order());
    }
}
