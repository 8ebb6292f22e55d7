using System.Text;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Serialization;
using AIOps.Kafka.Embedded;
using AIOps.Kafka.Producing;
using AIOps.Kafka.Tests.Support;

namespace AIOps.Kafka.Tests.Producing;

public sealed class KafkaIncidentSinkTests
{
    [Fact]
    public async Task PublishAsync_TwoVersions_KeyedByIdWithVersionHeaderAndReadableJson()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        var options = KafkaTestOptions.For(cluster, "unused");
        cluster.CreateTopic(options.IncidentsTopic, 1);
        using var producer = new SharedKafkaProducer(options);
        var sut = new KafkaIncidentSink(producer, options);
        var v1 = Samples.Incident("inc-42", 1, IncidentStatus.Open);
        var v2 = v1 with { Version = 2, Status = IncidentStatus.Resolved, ResolvedAt = Samples.T0.AddMinutes(9), Change = "resolved" };

        await sut.PublishAsync(v1, CancellationToken.None).AsTask().Within();
        await sut.PublishAsync(v2, CancellationToken.None).AsTask().Within();
        var read = TopicReader.Read(cluster.BootstrapServers, options.IncidentsTopic, 2);

        Assert.Equal(2, read.Count);
        Assert.All(read, r => Assert.Equal("inc-42", Encoding.UTF8.GetString(r.Message.Key)));
        Assert.Equal(["1", "2"], read.Select(r => Encoding.UTF8.GetString(r.Message.Headers.GetLastBytes(KafkaHeaders.Version))));
        var last = JsonSerializer.Deserialize<Incident>(read[1].Message.Value, AiopsJson.Options)!;
        Assert.Equal("inc-42", last.Id);
        Assert.Equal(2, last.Version);
        Assert.Equal(IncidentStatus.Resolved, last.Status);
        Assert.Equal(["checkout"], last.Entities);
        Assert.Equal("cpu_usage", Assert.Single(last.Signals).Indicator);
        using var json = JsonDocument.Parse(read[0].Message.Value);
        Assert.Equal("open", json.RootElement.GetProperty("status").GetString());
    }
}
