using System.Diagnostics;
using System.Text;
using AIOps.Kafka.Consuming.Native;
using AIOps.Kafka.Embedded;
using AIOps.Kafka.Tests.Support;
using Confluent.Kafka;

namespace AIOps.Kafka.Tests.Consuming.Native;

public sealed class NativeBatchConsumerTests
{
    [Fact]
    public async Task Poll_AssignedTopic_ReturnsEveryMessageOnceWithKeyHeadersAndTimestamp()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("native", 1);
        var stamp = new DateTimeOffset(2026, 3, 1, 12, 0, 0, 5, TimeSpan.Zero);
        using (var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            for (var i = 0; i < 10; i++)
            {
                await producer.ProduceAsync("native", new Message<byte[]?, byte[]>
                {
                    Key = i % 2 == 0 ? Encoding.UTF8.GetBytes($"k{i}") : null,
                    Value = Encoding.UTF8.GetBytes($"v{i}"),
                    Timestamp = new Timestamp(stamp.AddSeconds(i)),
                    Headers = i == 3 ? new Headers { { "a", "1"u8.ToArray() }, { "b", null }, { "a", "2"u8.ToArray() } } : null,
                });
            }
        }

        using var consumer = Assigned(cluster, "native", 1);
        using var sut = NativeBatchConsumer.TryCreate(consumer, 100, _ => { });
        Assert.NotNull(sut);
        var batch = new MessageBatch(4); // smaller than the queue: several polls, none over capacity
        var received = new List<(long Offset, string Key, string Value, DateTimeOffset? Time, string Headers, int? Epoch)>();
        var deadline = Stopwatch.StartNew();
        while (received.Count < 10 && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var count = sut.Poll(100, batch);
            Assert.InRange(count, 0, 4);
            for (var i = 0; i < count; i++)
            {
                var m = batch.Messages[i];
                Assert.Equal("native", m.Topic);
                received.Add((m.Offset, Encoding.UTF8.GetString(m.Key.Span), Encoding.UTF8.GetString(m.Payload.Span), m.Timestamp,
                    string.Join(";", m.Headers.Select(h => $"{h.Key}={Encoding.UTF8.GetString(h.Value)}")), batch.LeaderEpoch(i)));
            }
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), received.Select(r => r.Offset));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"v{i}"), received.Select(r => r.Value));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? $"k{i}" : string.Empty), received.Select(r => r.Key));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (DateTimeOffset?)stamp.AddSeconds(i)), received.Select(r => r.Time));
        Assert.Equal("a=1;b=;a=2", received[3].Headers);
        Assert.All(received.Where(r => r.Offset != 3), r => Assert.Equal(string.Empty, r.Headers));
        Assert.Equal(0, sut.Poll(200, batch));
    }

    [Fact]
    public void Poll_PartitionEofEvents_AreSkipped()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("eof", 2);
        KafkaTestOptions.ProduceToPartitions(cluster, "eof", 2, 3);
        using var consumer = Assigned(cluster, "eof", 2, ("enable.partition.eof", "true"));
        var log = new List<string>();
        using var sut = NativeBatchConsumer.TryCreate(consumer, 100, log.Add)!;
        var batch = new MessageBatch(100);
        var total = 0;
        var deadline = Stopwatch.StartNew();
        while (total < 6 && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            total += sut.Poll(100, batch);
        }

        // Keep polling past both partitions' ends: their EOF events arrive then and would push the count over 6 if not skipped.
        var tail = Stopwatch.StartNew();
        while (tail.Elapsed < TimeSpan.FromSeconds(2))
        {
            total += sut.Poll(100, batch);
        }

        Assert.Equal(6, total);
        Assert.Empty(log);
    }

    [Fact]
    public void Poll_NothingQueued_ReturnsNoneAfterAboutTheTimeout()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("empty", 1);
        using var consumer = Assigned(cluster, "empty", 1);
        using var sut = NativeBatchConsumer.TryCreate(consumer, 100, _ => { })!;
        var batch = new MessageBatch(10);
        sut.Poll(500, batch); // first poll: connection and fetch start

        var clock = Stopwatch.StartNew();
        var count = sut.Poll(300, batch);

        Assert.Equal(0, count);
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 250, 5000);
    }

    [Fact]
    public void TryCreate_DisposedConsumer_ReturnsNullAndSaysWhy()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        var consumer = Assigned(cluster, "gone", 1);
        consumer.Dispose();
        var log = new List<string>();

        var sut = NativeBatchConsumer.TryCreate(consumer, 100, log.Add);

        Assert.Null(sut);
        Assert.Contains(log, l => l.EndsWith("using Consume", StringComparison.Ordinal));
    }

    [Fact]
    public void TryCreate_ThenDispose_LeavesTheConsumerUsable()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("after", 1);
        KafkaTestOptions.ProduceToPartitions(cluster, "after", 1, 2);
        using var consumer = Assigned(cluster, "after", 1);
        NativeBatchConsumer.TryCreate(consumer, 100, _ => { })!.Dispose();

        var result = consumer.Consume(TimeSpan.FromSeconds(10));

        Assert.NotNull(result);
        Assert.Equal(0, result.Offset.Value);
        consumer.Close();
    }

    private static IConsumer<byte[], byte[]> Assigned(EmbeddedKafkaCluster cluster, string topic, int partitions, params (string Key, string Value)[] settings)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "native-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        };
        foreach (var (key, value) in settings)
        {
            config.Set(key, value);
        }

        var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        return consumer;
    }
}
