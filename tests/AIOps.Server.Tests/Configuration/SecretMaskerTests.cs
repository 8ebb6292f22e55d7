using AIOps.Server.Configuration;
using AIOps.Server.Options;

namespace AIOps.Server.Tests.Configuration;

public sealed class SecretMaskerTests
{
    private const string Secret = "s3cr3t-Value-9f1c";

    [Theory]
    [InlineData("sasl.password", true)]
    [InlineData("ssl.key.password", true)]
    [InlineData("ssl.keystore.password", true)]
    [InlineData("sasl.oauthbearer.client.secret", true)]
    [InlineData("ApiKey", true)]
    [InlineData("api-key", true)]
    [InlineData("Token", true)]
    [InlineData("HmacSecret", true)]
    [InlineData("security.protocol", false)]
    [InlineData("sasl.mechanism", false)]
    [InlineData("sasl.username", false)]
    [InlineData("BootstrapServers", false)]
    public void IsSecretName_KnownKeys_Classified(string name, bool expected)
    {
        Assert.Equal(expected, SecretMasker.IsSecretName(name));
    }

    [Fact]
    public void ToMaskedJsonText_SecretsInClientConfigAndUrls_NeverAppear()
    {
        var options = new EngineOptions();
        options.Kafka.BootstrapServers = "kafka:9092";
        options.Kafka.ClientConfig["security.protocol"] = "SASL_SSL";
        options.Kafka.ClientConfig["sasl.mechanism"] = "PLAIN";
        options.Kafka.ClientConfig["sasl.username"] = "engine";
        options.Kafka.ClientConfig["sasl.password"] = Secret;
        options.Kafka.ClientConfig["ssl.key.password"] = Secret + "2";
        options.Telemetry.OtlpEndpoint = $"http://user:{Secret}@otel:4317";

        var sut = SecretMasker.ToMaskedJsonText(options);

        Assert.DoesNotContain(Secret, sut, StringComparison.Ordinal);
        Assert.Contains("\"sasl.password\": \"***\"", sut, StringComparison.Ordinal);
        Assert.Contains("\"ssl.key.password\": \"***\"", sut, StringComparison.Ordinal);
        Assert.Contains("\"security.protocol\": \"SASL_SSL\"", sut, StringComparison.Ordinal);
        Assert.Contains("\"sasl.username\": \"engine\"", sut, StringComparison.Ordinal);
        Assert.Contains("http://***@otel:4317", sut, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMaskedJson_UnsetSecret_StaysEmpty()
    {
        var options = new EngineOptions();
        options.Kafka.ClientConfig["sasl.password"] = string.Empty;

        var sut = SecretMasker.ToMaskedJson(options);

        Assert.Equal(string.Empty, sut["Kafka"]!["ClientConfig"]!["sasl.password"]!.GetValue<string>());
    }
}
