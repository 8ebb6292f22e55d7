using System.Text;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Serialization;
using AIOps.Kafka.Embedded;
using AIOps.Kafka.Producing;
using AIOps.Kafka.Tests.Support;

namespace AIOps.Kafka.Tests.Producing;

public sealed class KafkaSignalSinkTests
{
    [Fact]
    public async Task PublishAsync_Signal_KeyedByEntityWithReadableJson()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        var options = KafkaTestOptions.For(cluster, "unused");
        cluster.CreateTopic(options.SignalsTopic, 1);
        using var producer = new SharedKafkaProducer(options);
        var sut = new KafkaSignalSink(producer, options);

        await sut.PublishAsync(Samples.Signal(), CancellationToken.None).AsTask().Within();
        var read = Assert.Single(TopicReader.Read(cluster.BootstrapServers, options.SignalsTopic, 1));

        Assert.Equal("checkout", Encoding.UTF8.GetString(read.Message.Key));
        var signal = JsonSerializer.Deserialize<Signal>(read.Message.Value, AiopsJson.Options)!;
        Assert.Equal("sig-1", signal.Id);
        Assert.Equal(0.93, signal.Score);
        Assert.Equal(Direction.Up, signal.Direction);
    }
}
