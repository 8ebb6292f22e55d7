using System.Collections.Concurrent;
using System.Text;
using AIOps.Core.Ports;
using AIOps.Kafka.Consuming;
using AIOps.Kafka.Embedded;
using AIOps.Kafka.Tests.Support;
using Confluent.Kafka;

namespace AIOps.Kafka.Tests.Consuming;

public sealed class KafkaConsumerLoopTests
{
    [Fact]
    public async Task RunAsync_MessagesOnTwoTopics_HandlesEachExactlyOnce()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopics(["in.a", "in.b"]);
        await TopicReader.ProduceAsync(cluster.BootstrapServers, "in.a", Enumerable.Range(0, 30).Select(i => ((string?)$"k{i}", $"a{i}")));
        await TopicReader.ProduceAsync(cluster.BootstrapServers, "in.b", Enumerable.Range(0, 20).Select(i => ((string?)null, $"b{i}")));
        var sut = new KafkaConsumerLoop(KafkaTestOptions.For(cluster, "in.a", "in.b"));
        var seen = new ConcurrentBag<(string Topic, int Partition, long Offset, string Value)>();
        using var stop = new CancellationTokenSource();

        var run = sut.RunAsync(
            (m, _) =>
            {
                seen.Add((m.Topic, m.Partition, m.Offset, Encoding.UTF8.GetString(m.Payload.Span)));
                if (seen.Count == 50)
                {
                    stop.CancelAfter(300); // leave time to notice a duplicate
                }

                return ValueTask.CompletedTask;
            },
            stop.Token);
        await run.Within(15);

        Assert.Equal(50, seen.Count);
        Assert.Equal(50, seen.Select(s => (s.Topic, s.Partition, s.Offset)).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, 30).Select(i => $"a{i}").Concat(Enumerable.Range(0, 20).Select(i => $"b{i}")).Order(),
            seen.Select(s => s.Value).Order());
        Assert.Equal(50, sut.MessagesConsumed);
        Assert.Equal(50, sut.MessagesHandled);
    }

    [Fact]
    public async Task RunAsync_RestartWithSameGroup_ResumesAfterLastHandledOffset()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("resume", 1);
        await TopicReader.ProduceAsync(cluster.BootstrapServers, "resume", Enumerable.Range(0, 10).Select(i => ((string?)null, $"m{i}")));
        var options = KafkaTestOptions.For(cluster, "resume");

        var first = new List<long>();
        using (var stop = new CancellationTokenSource())
        {
            await new KafkaConsumerLoop(options).RunAsync(
                (m, _) =>
                {
                    first.Add(m.Offset);
                    if (first.Count == 6)
                    {
                        stop.Cancel(); // this handler still returns normally, so offset 5 is stored
                    }

                    return ValueTask.CompletedTask;
                },
                stop.Token).Within();
        }

        var second = await ConsumeUntilIdleAsync(options);

        Assert.Equal([0, 1, 2, 3, 4, 5], first);
        Assert.Equal([6, 7, 8, 9], second);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_FaultsAndDoesNotStoreThatOffset()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("throws", 1);
        await TopicReader.ProduceAsync(cluster.BootstrapServers, "throws", Enumerable.Range(0, 5).Select(i => ((string?)null, $"m{i}")));
        var options = KafkaTestOptions.For(cluster, "throws");
        var sut = new KafkaConsumerLoop(options);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => sut.RunAsync(
            (m, _) => m.Offset == 3 ? throw new InvalidDataException("downstream refused") : ValueTask.CompletedTask,
            CancellationToken.None).Within());
        var second = await ConsumeUntilIdleAsync(options);

        Assert.Equal("downstream refused", error.Message);
        Assert.Equal(4, sut.MessagesConsumed);
        Assert.Equal(3, sut.MessagesHandled);
        Assert.Equal([3, 4], second);
    }

    [Fact]
    public async Task RunAsync_NoMessages_CallsOnIdleAndStopsCleanlyOnCancel()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("quiet");
        var sut = new KafkaConsumerLoop(KafkaTestOptions.For(cluster, "quiet"));
        using var stop = new CancellationTokenSource();
        var ticks = 0;

        await sut.RunAsync(
            (_, _) => throw new InvalidOperationException("no message expected"),
            _ =>
            {
                if (Interlocked.Increment(ref ticks) == 3)
                {
                    stop.Cancel();
                }

                return ValueTask.CompletedTask;
            },
            stop.Token).Within();

        Assert.Equal(3, ticks);
        Assert.Equal(3, sut.IdleTicks);
        Assert.Equal(0, sut.MessagesConsumed);
    }

    [Fact]
    public async Task RunAsync_MessageWithKeyHeadersTimestamp_MapsAllToInboundMessage()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("mapped", 1);
        var payload = new byte[] { 0xff, 0x00, 0x7b, 0x80 };
        var stamp = new DateTimeOffset(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);
        using (var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            await producer.ProduceAsync("mapped", new Message<byte[], byte[]>
            {
                Key = "host-1"u8.ToArray(),
                Value = payload,
                Timestamp = new Timestamp(stamp),
                Headers = new Headers { { "content-type", "application/json"u8.ToArray() }, { "empty", null } },
            });
        }

        var sut = new KafkaConsumerLoop(KafkaTestOptions.For(cluster, "mapped"));
        using var stop = new CancellationTokenSource();
        InboundMessage? received = null;
        await sut.RunAsync(
            (m, _) =>
            {
                received = m;
                stop.Cancel();
                return ValueTask.CompletedTask;
            },
            stop.Token).Within();

        var message = Assert.NotNull(received);
        Assert.Equal("mapped", message.Topic);
        Assert.Equal(0, message.Partition);
        Assert.Equal(0, message.Offset);
        Assert.Equal(payload, message.Payload.ToArray());
        Assert.Equal("host-1", Encoding.UTF8.GetString(message.Key.Span));
        Assert.Equal(stamp, message.Timestamp);
        Assert.Equal("application/json", message.Header("Content-Type"));
        Assert.Equal(string.Empty, message.Header("empty"));
    }

    [Fact]
    public async Task RunAsync_FatalConsumerError_StopsAndThrows()
    {
        const short syncGroupApiKey = 14;
        const int fencedInstanceId = 82; // librdkafka treats a fenced SyncGroup as fatal for the consumer
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("fatal");
        var options = KafkaTestOptions.For(cluster, "fatal");
        options.ClientConfig["group.instance.id"] = "aiops-1";
        cluster.PushRequestErrors(syncGroupApiKey, fencedInstanceId);
        var log = new ConcurrentQueue<string>();
        var sut = new KafkaConsumerLoop(options, log.Enqueue);

        var error = await Assert.ThrowsAnyAsync<KafkaException>(
            () => sut.RunAsync((_, _) => ValueTask.CompletedTask, CancellationToken.None).Within());

        Assert.True(error.Error.IsFatal);
        Assert.Contains(log, l => l.StartsWith("kafka consumer stopping on fatal error: FencedInstanceId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lag_WhileBehindAndWhenCaughtUp_ReflectsUnreadMessages()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("lagging", 1);
        await TopicReader.ProduceAsync(cluster.BootstrapServers, "lagging", Enumerable.Range(0, 10).Select(i => ((string?)null, $"m{i}")));
        var sut = new KafkaConsumerLoop(KafkaTestOptions.For(cluster, "lagging")) { LagSampleInterval = 1 };
        using var stop = new CancellationTokenSource();
        long lagAtOffset2 = -2;

        await sut.RunAsync(
            (m, _) =>
            {
                if (m.Offset == 2)
                {
                    lagAtOffset2 = sut.TotalLag; // sampled after offset 1: offsets 2..9 unread
                }

                return ValueTask.CompletedTask;
            },
            _ =>
            {
                if (sut.MessagesHandled == 10)
                {
                    stop.Cancel();
                }

                return ValueTask.CompletedTask;
            },
            stop.Token).Within();

        Assert.Equal(8, lagAtOffset2);
        var partition = Assert.Single(sut.Lag);
        Assert.Equal(new PartitionLag("lagging", 0, 0), partition);
    }

    [Fact]
    public async Task RunAsync_BrokerDownThenUp_ResumesWithoutLoss()
    {
        // At-least-once: an outage may make the group re-read from its last committed offset (a regression test:
        // this once asserted "no duplicates" and failed under load); it must never skip a message.
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("outage", 1);
        await TopicReader.ProduceAsync(cluster.BootstrapServers, "outage", Enumerable.Range(0, 5).Select(i => ((string?)null, $"m{i}")));
        var sut = new KafkaConsumerLoop(KafkaTestOptions.For(cluster, "outage"));
        var offsets = new ConcurrentQueue<long>();
        var distinct = new ConcurrentDictionary<long, bool>();
        var firstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var run = sut.RunAsync(
            (m, _) =>
            {
                offsets.Enqueue(m.Offset);
                distinct[m.Offset] = true;
                (distinct.Count == 5 ? firstBatch : distinct.Count == 10 ? all : null)?.TrySetResult();
                return ValueTask.CompletedTask;
            },
            stop.Token);
        await firstBatch.Task.Within();
        cluster.SetBrokerDown(1);
        await Task.Delay(1500);
        cluster.SetBrokerUp(1);
        await TopicReader.ProduceAsync(cluster.BootstrapServers, "outage", Enumerable.Range(5, 5).Select(i => ((string?)null, $"m{i}")));
        await all.Task.Within(15);
        await stop.CancelAsync();
        await run.Within();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), distinct.Keys.Order());
        var handled = offsets.ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (long)i), handled.Take(5));

        // Any re-read is a replay of a contiguous range, and the new messages arrive in order after it.
        Assert.Equal(Enumerable.Range(5, 5).Select(i => (long)i), handled.Where(o => o >= 5));
    }

    [Fact]
    public async Task RunAsync_CalledTwiceConcurrently_Throws()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("twice");
        var sut = new KafkaConsumerLoop(KafkaTestOptions.For(cluster, "twice"));
        using var stop = new CancellationTokenSource();

        var run = sut.RunAsync((_, _) => ValueTask.CompletedTask, stop.Token);
        Assert.Throws<InvalidOperationException>(() => { _ = sut.RunAsync((_, _) => ValueTask.CompletedTask, stop.Token); });
        await stop.CancelAsync();
        await run.Within();
    }

    /// <summary>Runs a fresh loop of the same group until it was idle once; returns the offsets it handled.</summary>
    private static async Task<List<long>> ConsumeUntilIdleAsync(KafkaOptions options)
    {
        var offsets = new List<long>();
        using var stop = new CancellationTokenSource();
        await new KafkaConsumerLoop(options).RunAsync(
            (m, _) =>
            {
                offsets.Add(m.Offset);
                return ValueTask.CompletedTask;
            },
            _ =>
            {
                // Idle before the first message is the group join; stop once messages came and then stopped.
                if (offsets.Count > 0)
                {
                    stop.Cancel();
                }

                return ValueTask.CompletedTask;
            },
            stop.Token).Within();
        return offsets;
    }
}
