namespace AIOps.Server.Options;

/// <summary>Where files go and how the host listens; the Kafka contract's defaults are in AIOps.Kafka.KafkaDefaults.</summary>
public static class EngineDefaults
{
    public const string DataDirectory = "aiops-data";
    public const string Urls = "http://127.0.0.1:8080";
    public const int EmbeddedPartitions = 4;

    /// <summary>Detector state is saved this often while running (and at shutdown).</summary>
    public static readonly TimeSpan StateSaveInterval = TimeSpan.FromMinutes(15);

    /// <summary>The rules shipped next to the binary, else ./rules.</summary>
    public static string RulesDirectory()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "rules");
        return Directory.Exists(shipped) ? shipped : Path.GetFullPath("rules");
    }
}
