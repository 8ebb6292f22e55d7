using System.Collections;
using System.Text.RegularExpressions;
using AIOps.Kafka;
using AIOps.Server.Configuration;

namespace AIOps.Server.Tests.Deploy;

/// <summary>deploy/docker-compose.yml and the collector and Alertmanager configs it mounts.</summary>
public sealed partial class ComposeTests
{
    private readonly Dictionary<object, object> _compose = Manifests.Load(Manifests.Path("deploy", "docker-compose.yml"));

    private Dictionary<object, object> Services => Manifests.Map(_compose, "services");

    [Fact]
    public void Services_AreTheWholeStack()
    {
        Assert.Equal(["alertmanager", "engine", "influxdb", "kafka", "kafka-init", "otel-collector"], Services.Keys.Cast<string>().Order());
        Assert.StartsWith("apache/kafka:", Manifests.Text(Services, "kafka", "image"), StringComparison.Ordinal);
        Assert.StartsWith("influxdb:2", Manifests.Text(Services, "influxdb", "image"), StringComparison.Ordinal);
        Assert.StartsWith("prom/alertmanager:", Manifests.Text(Services, "alertmanager", "image"), StringComparison.Ordinal);
        Assert.StartsWith("otel/opentelemetry-collector-contrib:", Manifests.Text(Services, "otel-collector", "image"), StringComparison.Ordinal);
        Assert.StartsWith("aiops-engine:", Manifests.Text(Services, "engine", "image"), StringComparison.Ordinal);
    }

    [Fact]
    public void Kafka_RunsInKRaftModeWithoutZooKeeper()
    {
        var env = Manifests.Map(Services, "kafka", "environment");

        Assert.Equal("broker,controller", Manifests.Text(env, "KAFKA_PROCESS_ROLES"));
        Assert.Contains("CONTROLLER", Manifests.Text(env, "KAFKA_CONTROLLER_LISTENER_NAMES"), StringComparison.Ordinal);
        Assert.DoesNotContain(env.Keys.Cast<string>(), k => k.Contains("ZOOKEEPER", StringComparison.Ordinal));
        Assert.DoesNotContain(Services.Values, s => Manifests.Text(s, "image").Contains("zookeeper", StringComparison.Ordinal));
    }

    [Fact]
    public void KafkaInit_CreatesExactlyTheEngineTopics()
    {
        var script = Manifests.Text(Services, "kafka-init", "command", 0);
        var topics = new HashSet<string>(ForList().Match(script).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (Match match in LiteralTopic().Matches(script))
        {
            topics.Add(match.Groups[1].Value);
        }

        var expected = new HashSet<string>(KafkaDefaults.InputTopics.Keys) { KafkaDefaults.IncidentsTopic, KafkaDefaults.SignalsTopic, KafkaDefaults.DlqTopic, KafkaDefaults.StateTopic };
        Assert.Equal(expected.Order(), topics.Order());
        Assert.Contains($"--topic {KafkaDefaults.IncidentsTopic} --partitions 4 --replication-factor 1 --config cleanup.policy=compact", script, StringComparison.Ordinal);
        Assert.Contains($"--topic {KafkaDefaults.StateTopic} --partitions 4 --replication-factor 1 --config cleanup.policy=compact", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_EnvironmentIsAValidConfigurationPointingAtTheStack()
    {
        var environment = new Hashtable(Manifests.Map(Services, "engine", "environment").ToDictionary(p => (string)p.Key, p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)));

        var sut = EngineConfiguration.Load(null, null, environment);

        var advertised = Manifests.Text(Services, "kafka", "environment", "KAFKA_ADVERTISED_LISTENERS");
        Assert.Contains("PLAINTEXT://" + sut.Kafka.BootstrapServers, advertised, StringComparison.Ordinal);
        Assert.Equal(KafkaDefaults.GroupId, sut.Kafka.GroupId);
        var port = Manifests.PortOf(sut.Urls);
        Assert.Contains($"{port}:{port}", Manifests.List(Services, "engine", "ports").Cast<string>());
        Assert.Equal("otel-collector", new Uri(sut.Telemetry.OtlpEndpoint).Host);
        Assert.Equal(4317, new Uri(sut.Telemetry.OtlpEndpoint).Port);
        Assert.Equal("grpc", sut.Telemetry.OtlpProtocol);
        Assert.Equal("deploy/Dockerfile", Manifests.Text(Services, "engine", "build", "dockerfile"));
        Assert.Equal("..", Manifests.Text(Services, "engine", "build", "context"));
    }

    [Fact]
    public void Collector_ExportsOtlpProtoToTheEngineOtlpTopics()
    {
        var config = Manifests.Load(MountedFile("otel-collector"));
        var kafka = Manifests.Map(config, "exporters", "kafka");

        Assert.Equal(KafkaDefaults.OtlpMetricsTopic, Manifests.Text(kafka, "metrics", "topic"));
        Assert.Equal(KafkaDefaults.OtlpLogsTopic, Manifests.Text(kafka, "logs", "topic"));
        Assert.Equal(KafkaDefaults.OtlpSpansTopic, Manifests.Text(kafka, "traces", "topic"));
        Assert.All(new[] { "metrics", "logs", "traces" }, s => Assert.Equal("otlp_proto", Manifests.Text(kafka, s, "encoding")));
        Assert.All(new[] { "metrics", "logs", "traces" }, s => Assert.Contains("kafka", Manifests.List(config, "service", "pipelines", s, "exporters")));
        Assert.All(new[] { "metrics", "logs", "traces" }, s => Assert.Contains("otlp", Manifests.List(config, "service", "pipelines", s, "receivers")));
        var engineBootstrap = Manifests.Text(Services, "engine", "environment", ConfigurationKeys.EnvironmentVariable(ConfigurationKeys.BootstrapServers));
        Assert.Equal([engineBootstrap], Manifests.List(kafka, "brokers").Cast<string>());
    }

    [Fact]
    public void Collector_ReceiverPortsArePublished()
    {
        var config = Manifests.Load(MountedFile("otel-collector"));
        var ports = Manifests.List(Services, "otel-collector", "ports").Cast<string>().ToList();

        foreach (var protocol in new[] { "grpc", "http" })
        {
            var port = Manifests.Text(config, "receivers", "otlp", "protocols", protocol, "endpoint").Split(':')[1];
            Assert.Contains($"{port}:{port}", ports);
        }
    }

    [Fact]
    public void Alertmanager_ConfigRoutesToADeclaredReceiver()
    {
        var config = Manifests.Load(MountedFile("alertmanager"));
        var receivers = Manifests.List(config, "receivers").Select(r => Manifests.Text(r, "name"));

        Assert.Contains(Manifests.Text(config, "route", "receiver"), receivers);
        Assert.Equal("9093:9093", Manifests.Text(Services, "alertmanager", "ports", 0));
    }

    /// <summary>The host side of the service's first read-only bind mount, resolved from deploy/.</summary>
    private string MountedFile(string service)
    {
        var volume = Manifests.List(Services, service, "volumes").Cast<string>().First(v => v.StartsWith("./", StringComparison.Ordinal));
        var path = Manifests.Path("deploy", volume.Split(':')[0][2..]);
        Assert.True(File.Exists(path), path);
        return path;
    }

    [GeneratedRegex(@"for topic in ([^;]+);")]
    private static partial Regex ForList();

    [GeneratedRegex(@"--topic ([A-Za-z0-9_.\-]+)")]
    private static partial Regex LiteralTopic();
}
