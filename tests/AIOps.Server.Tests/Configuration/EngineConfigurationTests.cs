using System.Collections;
using AIOps.Server.Configuration;
using AIOps.Server.Options;

namespace AIOps.Server.Tests.Configuration;

public sealed class EngineConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aiops-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_NoSources_GivesCodeDefaults()
    {
        var sut = EngineConfiguration.Load(Build(file: null));

        Assert.Equal(EngineDefaults.Urls, sut.Urls);
        Assert.Equal("aiops", sut.Kafka.GroupId);
        Assert.Equal(7, sut.Kafka.InputTopics.Count);
        Assert.Equal(TelemetryDefaults.PrometheusPath, sut.Telemetry.PrometheusPath);
    }

    [Fact]
    public void Load_FileEnvironmentAndFlags_FlagsWinThenEnvironmentThenFile()
    {
        var file = WriteJson("""
            {
              "Kafka": { "BootstrapServers": "file:9092", "GroupId": "file-group", "IdleIntervalMs": 500 },
              "DataDirectory": "/file/data",
              "Urls": "http://0.0.0.0:1111",
              "Correlation": { "Window": "00:03:00" }
            }
            """);
        var environment = new Hashtable
        {
            ["AIOPS_Kafka__GroupId"] = "env-group",
            ["AIOPS_Urls"] = "http://0.0.0.0:2222",
            ["AIOPS_Detection__MaxSeries"] = "42",
            ["OTHER_Urls"] = "http://0.0.0.0:9999",
        };
        var flags = new Dictionary<string, string?> { [ConfigurationKeys.Urls] = "http://0.0.0.0:3333" };

        var sut = EngineConfiguration.Load(file, flags, environment);

        Assert.Equal("file:9092", sut.Kafka.BootstrapServers);
        Assert.Equal(500, sut.Kafka.IdleIntervalMs);
        Assert.Equal("/file/data", sut.DataDirectory);
        Assert.Equal(TimeSpan.FromMinutes(3), sut.Correlation.Window);
        Assert.Equal("env-group", sut.Kafka.GroupId);
        Assert.Equal(42, sut.Detection.MaxSeries);
        Assert.Equal("http://0.0.0.0:3333", sut.Urls);
    }

    [Fact]
    public void Load_ClientConfigFromEnvironment_KeepsDottedLibrdkafkaKeys()
    {
        var environment = new Hashtable
        {
            ["AIOPS_Kafka__ClientConfig__security.protocol"] = "SASL_SSL",
            ["AIOPS_Kafka__ClientConfig__sasl.mechanism"] = "SCRAM-SHA-512",
        };

        var sut = EngineConfiguration.Load(null, null, environment);

        Assert.Equal("SASL_SSL", sut.Kafka.ClientConfig["security.protocol"]);
        Assert.Equal("SCRAM-SHA-512", sut.Kafka.ClientConfig["sasl.mechanism"]);
    }

    [Fact]
    public void Load_ClientConfigWithUnderscoresInUpperCase_BecomesLibrdkafkaKey()
    {
        var environment = new Hashtable
        {
            ["AIOPS_KAFKA__CLIENTCONFIG__SASL_PASSWORD"] = "pw",
            ["AIOPS_Kafka__ClientConfig__ssl_ca_location"] = "/etc/ca.pem",
        };

        var sut = EngineConfiguration.Load(null, null, environment);

        Assert.Equal("pw", sut.Kafka.ClientConfig["sasl.password"]);
        Assert.Equal("/etc/ca.pem", sut.Kafka.ClientConfig["ssl.ca.location"]);
    }

    [Fact]
    public void Load_ConfiguredInputTopics_ReplaceTheDefaultSet()
    {
        var environment = new Hashtable { ["AIOPS_Kafka__InputTopics__otlp_metrics"] = "auto" };

        var sut = EngineConfiguration.Load(null, null, environment);

        Assert.Equal(["otlp_metrics"], sut.Kafka.InputTopics.Keys);
    }

    [Fact]
    public void Load_ManyProblems_ListsEveryOneAtOnce()
    {
        var file = WriteJson("""{ "Kafka": { "IdleIntervalMs": "soon" }, "Urlz": "x" }""");
        var environment = new Hashtable
        {
            ["AIOPS_Urls"] = "not a url",
            ["AIOPS_Detection__CalmPointsToEnd"] = "0",
            ["AIOPS_Telemetry__LogFormat"] = "xml",
            ["AIOPS_EmbeddedPartitions"] = "0",
        };
        var flags = new Dictionary<string, string?> { ["Kafka:ClientConfig:enable.auto.commit"] = "false", ["Correlation:Window"] = "-00:01:00" };

        var sut = Assert.Throws<EngineConfigurationException>(() => EngineConfiguration.Load(file, flags, environment));

        Assert.Contains(sut.Problems, p => p.StartsWith("Urlz: unknown setting", StringComparison.Ordinal));
        Assert.Contains(sut.Problems, p => p.Contains("Kafka:IdleIntervalMs", StringComparison.Ordinal) && p.Contains("'soon'", StringComparison.Ordinal));
        Assert.Contains(sut.Problems, p => p.StartsWith("Urls: 'not a url'", StringComparison.Ordinal));
        Assert.Contains(sut.Problems, p => p.StartsWith("Detection:CalmPointsToEnd", StringComparison.Ordinal));
        Assert.Contains(sut.Problems, p => p.StartsWith("Telemetry:LogFormat", StringComparison.Ordinal));
        Assert.Contains(sut.Problems, p => p.StartsWith("EmbeddedPartitions", StringComparison.Ordinal));
        Assert.Contains(sut.Problems, p => p.StartsWith("Kafka:ClientConfig:enable.auto.commit", StringComparison.Ordinal));
        Assert.Contains(sut.Problems, p => p.StartsWith("Correlation:Window", StringComparison.Ordinal));
        Assert.Equal(8, sut.Problems.Count);
        Assert.Contains("  - Urls: 'not a url'", sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadEnumAndNumber_SayWhatWasExpected()
    {
        var flags = new Dictionary<string, string?> { ["Telemetry:LogLevel"] = "Verbose", ["Detection:MaxSeries"] = "lots" };

        var sut = Assert.Throws<EngineConfigurationException>(() => EngineConfiguration.Load(null, flags, new Hashtable()));

        Assert.Contains("Telemetry:LogLevel: 'Verbose' is not one of Trace, Debug, Information, Warning, Error, Critical, None", sut.Problems);
        Assert.Contains("Detection:MaxSeries: 'lots' is not a valid Int32", sut.Problems);
    }

    [Fact]
    public void Load_TheMaskedJsonOfAConfiguration_LoadsBackToTheSameConfiguration()
    {
        var flags = new Dictionary<string, string?>
        {
            [ConfigurationKeys.BootstrapServers] = "k:9092",
            ["Kafka:ClientConfig:security.protocol"] = "SSL",
            ["Correlation:Window"] = "00:04:00",
            ["Telemetry:LogLevel"] = "Debug",
        };
        var shown = SecretMasker.ToMaskedJsonText(EngineConfiguration.Load(null, flags, new Hashtable()));

        var sut = SecretMasker.ToMaskedJsonText(EngineConfiguration.Load(WriteJson(shown), null, new Hashtable()));

        Assert.Contains("\"RulesDirectory\": null", shown, StringComparison.Ordinal);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(shown), System.Text.Json.Nodes.JsonNode.Parse(sut)), sut);
    }

    [Fact]
    public void Load_OutputTopicIsAnInputTopic_IsRefused()
    {
        var flags = new Dictionary<string, string?> { ["Kafka:DlqTopic"] = "telemetry.logs" };

        var sut = Assert.Throws<EngineConfigurationException>(() => EngineConfiguration.Load(null, flags, new Hashtable()));

        Assert.Equal(["Kafka:DlqTopic: 'telemetry.logs' is also an input topic (the engine would consume its own output)"], sut.Problems);
    }

    [Fact]
    public void Build_MissingConfigFile_NamesTheFile()
    {
        var missing = Path.Combine(_dir, "nope.json");

        var sut = Assert.Throws<EngineConfigurationException>(() => EngineConfiguration.Build(missing, null, new Hashtable()));

        Assert.Contains(missing, sut.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MalformedJson_IsAConfigurationProblem()
    {
        var file = WriteJson("""{ "Urls": """);

        Assert.Throws<EngineConfigurationException>(() => EngineConfiguration.Build(file, null, new Hashtable()));
    }

    [Fact]
    public void EnvironmentVariable_NestedKey_UsesPrefixAndDoubleUnderscore()
    {
        Assert.Equal("AIOPS_Kafka__BootstrapServers", ConfigurationKeys.EnvironmentVariable(ConfigurationKeys.BootstrapServers));
    }

    private Microsoft.Extensions.Configuration.IConfigurationRoot Build(string? file) => EngineConfiguration.Build(file, null, new Hashtable());

    private string WriteJson(string json)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
