using AIOps.Core.Ports;
using AIOps.Ingest.Mapping;

namespace AIOps.Ingest.Tests.Mapping;

/// <summary>The mapping files shipped in the repository's rules/mappings, loaded as the engine loads them.</summary>
internal static class ShippedMappings
{
    public const string CloudWatch = "cloudwatch-metric-stream";
    public const string GcpLogging = "gcp-logging";
    public const string Zabbix = "zabbix-webhook";

    private static readonly Lazy<IReadOnlyList<ITelemetryDecoder>> Decoders = new(Load);

    public static string RulesDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "AIOps.sln")))
                {
                    return Path.Combine(directory.FullName, "rules");
                }
            }

            throw new InvalidOperationException("AIOps.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static IReadOnlyList<ITelemetryDecoder> All => Decoders.Value;

    public static ITelemetryDecoder Get(string name) => All.Single(d => d.Format == name);

    private static IReadOnlyList<ITelemetryDecoder> Load()
    {
        var decoders = JsonMappings.LoadDirectory(RulesDirectory, out var errors);
        Assert.Empty(errors);
        return decoders;
    }
}
