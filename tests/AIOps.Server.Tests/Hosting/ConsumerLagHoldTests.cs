using AIOps.Core.Pipeline;
using AIOps.Kafka.Consuming;
using AIOps.Server.Hosting;

namespace AIOps.Server.Tests.Hosting;

public sealed class ConsumerLagHoldTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_PartitionsFarBehind_HoldAtTheOldestNewestEvent_CaughtUpOnesHoldNothing()
    {
        PartitionLag[] lag = [new("metrics", 0, 50_000), new("metrics", 1, 20_000), new("alerts", 0, 0)];
        var sut = ConsumerLagHold.Create(() => lag, catchUpLag: 10_000)!;
        var sources = new SourceClocks();
        sources.Observe("metrics", 0, T0.AddMinutes(5));
        sources.Observe("metrics", 1, T0.AddMinutes(3));
        sources.Observe("alerts", 0, T0.AddMinutes(60));

        Assert.Equal(T0.AddMinutes(3), sut(sources));

        lag = [new("metrics", 0, 500), new("metrics", 1, 200), new("alerts", 0, 0)];
        Assert.Null(sut(sources)); // steady state: nothing waits
    }

    [Fact]
    public void Create_BehindButNothingDeliveredYet_HoldsEverything()
    {
        var sut = ConsumerLagHold.Create(() => [new PartitionLag("metrics", 0, 80_000)], catchUpLag: 10_000)!;

        Assert.Equal(DateTimeOffset.MinValue, sut(new SourceClocks()));
    }

    [Fact]
    public void Create_ThresholdZero_IsOff() => Assert.Null(ConsumerLagHold.Create(() => [], catchUpLag: 0));
}
