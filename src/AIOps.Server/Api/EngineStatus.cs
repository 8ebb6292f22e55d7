namespace AIOps.Server.Api;

/// <summary>What /healthz reports: the broker in use and whether the ingest loop is alive.</summary>
public sealed class EngineStatus
{
    public string Kafka { get; set; } = string.Empty;

    public bool Healthy { get; set; } = true;

    public string? Error { get; set; }
}
