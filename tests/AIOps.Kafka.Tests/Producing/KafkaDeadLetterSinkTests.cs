using System.Text;
using AIOps.Core.Ports;
using AIOps.Kafka.Consuming;
using AIOps.Kafka.Embedded;
using AIOps.Kafka.Producing;
using AIOps.Kafka.Tests.Support;
using Confluent.Kafka;

namespace AIOps.Kafka.Tests.Producing;

public sealed class KafkaDeadLetterSinkTests
{
    [Fact]
    public async Task DeadLetterAsync_Message_ProducesOriginalBytesKeyAndSourceHeaders()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        var options = KafkaTestOptions.For(cluster, "unused");
        cluster.CreateTopic(options.DlqTopic, 1);
        using var producer = new SharedKafkaProducer(options);
        var sut = new KafkaDeadLetterSink(producer, options);
        var payload = new byte[] { 0x00, 0xc3, 0x28, 0xff, 0x0a }; // not valid UTF-8 on purpose
        var message = new InboundMessage(
            "telemetry.logs",
            3,
            12345,
            payload,
            [new("content-type", "text/plain"u8.ToArray())],
            Key: "node-7"u8.ToArray());

        await sut.DeadLetterAsync(message, "syslog: no PRI", CancellationToken.None).AsTask().Within();
        var dead = Assert.Single(TopicReader.Read(cluster.BootstrapServers, options.DlqTopic, 1));

        Assert.Equal(payload, dead.Message.Value);
        Assert.Equal("node-7", Encoding.UTF8.GetString(dead.Message.Key));
        Assert.Equal("text/plain", Header(dead, "content-type"));
        Assert.Equal("telemetry.logs", Header(dead, KafkaHeaders.SourceTopic));
        Assert.Equal("3", Header(dead, KafkaHeaders.SourcePartition));
        Assert.Equal("12345", Header(dead, KafkaHeaders.SourceOffset));
        Assert.Equal("syslog: no PRI", Header(dead, KafkaHeaders.Error));
        Assert.Equal(1, producer.Delivered);
    }

    [Fact]
    public async Task DeadLetterAsync_FromConsumerLoop_CarriesRealSourceOffsetAndNullKey()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        var options = KafkaTestOptions.For(cluster, "raw.in");
        cluster.CreateTopic("raw.in", 1);
        cluster.CreateTopic(options.DlqTopic, 1);
        await TopicReader.ProduceAsync(cluster.BootstrapServers, "raw.in", [(null, "ok"), (null, "garbage")]);
        using var producer = new SharedKafkaProducer(options);
        var sut = new KafkaDeadLetterSink(producer, options);
        var loop = new KafkaConsumerLoop(options);
        using var stop = new CancellationTokenSource();

        await loop.RunAsync(
            async (m, ct) =>
            {
                if (m.Offset == 1)
                {
                    await sut.DeadLetterAsync(m, "undecodable", ct);
                    await stop.CancelAsync();
                }
            },
            stop.Token).Within();
        var dead = Assert.Single(TopicReader.Read(cluster.BootstrapServers, options.DlqTopic, 1));

        Assert.Equal("garbage", Encoding.UTF8.GetString(dead.Message.Value));
        Assert.Null(dead.Message.Key);
        Assert.Equal("raw.in", Header(dead, KafkaHeaders.SourceTopic));
        Assert.Equal("1", Header(dead, KafkaHeaders.SourceOffset));
        Assert.Equal("0", Header(dead, KafkaHeaders.SourcePartition));
    }

    private static string? Header(ConsumeResult<byte[], byte[]> result, string name) =>
        result.Message.Headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : null;
}
