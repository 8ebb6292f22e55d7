using Confluent.Kafka;

namespace AIOps.Kafka.Tests;

public sealed class KafkaOptionsTests
{
    [Fact]
    public void Defaults_BindAllContractTopicsToAuto()
    {
        var sut = new KafkaOptions();

        Assert.Equal(
            ["otlp_logs", "otlp_metrics", "otlp_spans", "telemetry.events", "telemetry.logs", "telemetry.metrics", "telemetry.traces"],
            sut.InputTopics.Keys.Order());
        Assert.All(sut.InputTopics.Values, f => Assert.Equal("auto", f));
        Assert.Equal("aiops", sut.GroupId);
        Assert.Equal("aiops.dlq", sut.DlqTopic);
        Assert.Equal("aiops.incidents", sut.IncidentsTopic);
        Assert.Equal("aiops.signals", sut.SignalsTopic);
    }

    [Fact]
    public void Defaults_InputTopicsAreACopy_EditingDoesNotChangeDefaults()
    {
        var sut = new KafkaOptions();
        sut.InputTopics.Clear();

        Assert.Equal(7, KafkaDefaults.InputTopics.Count);
    }

    [Fact]
    public void FormatOf_BoundAndUnboundTopics_ReturnsBindingOrAuto()
    {
        var sut = new KafkaOptions { InputTopics = new() { ["influx"] = "influx", ["blank"] = "" } };

        Assert.Equal("influx", sut.FormatOf("influx"));
        Assert.Equal("auto", sut.FormatOf("blank"));
        Assert.Equal("auto", sut.FormatOf("elsewhere"));
    }

    [Fact]
    public void Validate_MissingBootstrapAndTopics_ListsEveryProblem()
    {
        var sut = new KafkaOptions { InputTopics = [], IdleIntervalMs = 0 };

        var error = Assert.Throws<ArgumentException>(sut.Validate);

        Assert.Contains("BootstrapServers", error.Message);
        Assert.Contains("input topic", error.Message);
        Assert.Contains("IdleIntervalMs", error.Message);
    }

    [Fact]
    public void Validate_Complete_DoesNotThrow()
    {
        var sut = new KafkaOptions { BootstrapServers = "localhost:9092" };

        sut.Validate();
    }

    [Fact]
    public void ConsumerConfig_PassThroughCannotBreakAtLeastOnce()
    {
        var sut = new KafkaOptions
        {
            BootstrapServers = "b:9092",
            ClientConfig = new()
            {
                ["security.protocol"] = "SASL_SSL",
                ["sasl.mechanism"] = "PLAIN",
                ["enable.auto.offset.store"] = "true",
            },
        };

        var config = KafkaClientConfigs.Consumer(sut);

        Assert.Equal("SASL_SSL", config.Get("security.protocol"));
        Assert.Equal("PLAIN", config.Get("sasl.mechanism"));
        Assert.False(config.EnableAutoOffsetStore);
        Assert.True(config.EnableAutoCommit);
        Assert.Equal(PartitionAssignmentStrategy.CooperativeSticky, config.PartitionAssignmentStrategy);
        Assert.Equal(AutoOffsetReset.Earliest, config.AutoOffsetReset);
        Assert.Equal("aiops", config.GroupId);
    }

    [Fact]
    public void ProducerConfig_AcksAllIdempotentSmallLinger_EvenIfPassThroughSaysOtherwise()
    {
        var sut = new KafkaOptions { BootstrapServers = "b:9092", ClientConfig = new() { ["acks"] = "1", ["linger.ms"] = "50" } };

        var config = KafkaClientConfigs.Producer(sut);

        Assert.Equal(Acks.All, config.Acks);
        Assert.True(config.EnableIdempotence);
        Assert.Equal(50, config.LingerMs); // tuning knobs stay overridable
        Assert.Equal("b:9092", config.BootstrapServers);
    }

    [Fact]
    public void ProducerConfig_SaslAndTlsSettings_ReachTheClient()
    {
        var sut = new KafkaOptions
        {
            BootstrapServers = "b:9093",
            ClientConfig = new()
            {
                ["security.protocol"] = "SASL_SSL",
                ["sasl.mechanism"] = "SCRAM-SHA-512",
                ["sasl.username"] = "engine",
                ["sasl.password"] = "pw",
                ["ssl.ca.location"] = "/etc/aiops/ca.pem",
            },
        };

        var producer = KafkaClientConfigs.Producer(sut);
        var consumer = KafkaClientConfigs.Consumer(sut);

        foreach (var config in new ClientConfig[] { producer, consumer })
        {
            // Raw librdkafka spellings are handed to the native client as they are.
            Assert.Equal("SASL_SSL", config.Get("security.protocol"));
            Assert.Equal("SCRAM-SHA-512", config.Get("sasl.mechanism"));
            Assert.Equal("engine", config.SaslUsername);
            Assert.Equal("pw", config.SaslPassword);
            Assert.Equal("/etc/aiops/ca.pem", config.SslCaLocation);
        }
    }
}
