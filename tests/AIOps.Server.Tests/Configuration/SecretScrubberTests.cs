using AIOps.Server.Configuration;
using AIOps.Server.Options;

namespace AIOps.Server.Tests.Configuration;

public sealed class SecretScrubberTests
{
    [Fact]
    public void Scrub_TextWithConfiguredSecrets_MasksEveryOccurrence()
    {
        var options = new EngineOptions();
        options.Kafka.ClientConfig["sasl.password"] = "hunter2-long";
        options.Kafka.ClientConfig["sasl.username"] = "engine";
        options.Telemetry.OtlpEndpoint = "http://otel:p%40ss-word@collector:4317";
        var sut = new SecretScrubber(options);

        var scrubbed = sut.Scrub("SASL auth failed for engine with hunter2-long (again: hunter2-long), otel p@ss-word");

        Assert.Equal("SASL auth failed for engine with *** (again: ***), otel ***", scrubbed);
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public void Scrub_NoSecretsConfigured_LeavesTextAlone()
    {
        var sut = new SecretScrubber(new EngineOptions());

        Assert.Equal("kafka consumer assigned telemetry.metrics [0]", sut.Scrub("kafka consumer assigned telemetry.metrics [0]"));
        Assert.Equal(0, sut.Count);
    }
}
