using System.Text;
using AIOps.Kafka.Embedded;
using AIOps.Kafka.Producing;
using AIOps.Kafka.Tests.Support;
using Confluent.Kafka;

namespace AIOps.Kafka.Tests.Producing;

/// <summary>Fault injection through the mock cluster: the producer must retry and deliver exactly one copy.</summary>
public sealed class SharedKafkaProducerTests
{
    private const short ProduceApiKey = 0;
    private const int NotLeaderOrFollower = 6;
    private const int NotEnoughReplicas = 19;
    private const int TopicAuthorizationFailed = 29;

    [Fact]
    public async Task ProduceAsync_BrokerDownThenUp_DeliversAfterRecovery()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("faults", 1);
        using var sut = new SharedKafkaProducer(KafkaTestOptions.For(cluster, "unused"));
        await sut.ProduceAsync("faults", Text("before"), CancellationToken.None).Within();

        cluster.SetBrokerDown(1);
        var pending = sut.ProduceAsync("faults", Text("during outage"), CancellationToken.None);
        await Task.Delay(1500);
        var completedWhileDown = pending.IsCompleted;
        cluster.SetBrokerUp(1);
        var delivered = await pending.Within();

        Assert.False(completedWhileDown, "the broker was down: delivery must wait for it");
        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
        var read = TopicReader.Read(cluster.BootstrapServers, "faults", 2);
        Assert.Equal(["before", "during outage"], read.Select(r => Encoding.UTF8.GetString(r.Message.Value)));
    }

    [Fact]
    public async Task ProduceAsync_RetriableProduceErrorsPushed_RetriesAndDeliversOneCopy()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("retries", 1);
        using var sut = new SharedKafkaProducer(KafkaTestOptions.For(cluster, "unused"));
        await sut.ProduceAsync("retries", Text("warm-up"), CancellationToken.None).Within();

        cluster.PushRequestErrors(ProduceApiKey, NotLeaderOrFollower, NotEnoughReplicas, NotEnoughReplicas);
        var delivered = await sut.ProduceAsync("retries", Text("retried"), CancellationToken.None).Within();

        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
        var read = TopicReader.Read(cluster.BootstrapServers, "retries", 2);
        Assert.Equal(["warm-up", "retried"], read.Select(r => Encoding.UTF8.GetString(r.Message.Value)));
        Assert.Equal(0, sut.Failed);
    }

    [Fact]
    public async Task ProduceAsync_PermanentProduceErrorPushed_FailsAndCounts()
    {
        // Proves that pushed errors reach the client (so the retry test above is not vacuous).
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("denied", 1);
        using var sut = new SharedKafkaProducer(KafkaTestOptions.For(cluster, "unused"));
        await sut.ProduceAsync("denied", Text("warm-up"), CancellationToken.None).Within();

        cluster.PushRequestErrors(ProduceApiKey, TopicAuthorizationFailed);
        var error = await Assert.ThrowsAsync<ProduceException<byte[], byte[]>>(
            () => sut.ProduceAsync("denied", Text("refused"), CancellationToken.None).Within());

        Assert.Equal(ErrorCode.TopicAuthorizationFailed, error.Error.Code);
        Assert.Equal(1, sut.Failed);
        Assert.Equal(1, sut.Delivered);
    }

    private static Message<byte[], byte[]> Text(string value) => new() { Key = null!, Value = Encoding.UTF8.GetBytes(value) };
}
