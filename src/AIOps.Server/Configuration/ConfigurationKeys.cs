namespace AIOps.Server.Configuration;

/// <summary>
/// Configuration keys of the settings that have CLI flags or appear in deploy/ manifests. Any property of
/// <see cref="Options.EngineOptions"/> is a key (sections joined by <c>:</c>); these are the common ones.
/// </summary>
public static class ConfigurationKeys
{
    public const string BootstrapServers = "Kafka:BootstrapServers";
    public const string GroupId = "Kafka:GroupId";
    public const string ClientConfig = "Kafka:ClientConfig";
    public const string DataDirectory = "DataDirectory";
    public const string RulesDirectory = "RulesDirectory";
    public const string Urls = "Urls";
    public const string OtlpEndpoint = "Telemetry:OtlpEndpoint";
    public const string OtlpProtocol = "Telemetry:OtlpProtocol";
    public const string PrometheusPath = "Telemetry:PrometheusPath";
    public const string LogFormat = "Telemetry:LogFormat";

    /// <summary>The environment variable for a key: <c>AIOPS_</c> prefix, sections joined by <c>__</c>.</summary>
    public static string EnvironmentVariable(string key) => EngineConfiguration.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal);
}
