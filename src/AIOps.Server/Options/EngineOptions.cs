using System.ComponentModel.DataAnnotations;
using AIOps.Correlation.Incidents;
using AIOps.Detection.Stage;
using AIOps.Influx;
using AIOps.Kafka;

namespace AIOps.Server.Options;

/// <summary>Everything `aiops serve` can be told. Bound from appsettings.json, AIOPS_* variables and flags.</summary>
public sealed class EngineOptions
{
    /// <summary>Topics, group and client settings; an empty bootstrap list starts the embedded broker.</summary>
    public KafkaOptions Kafka { get; set; } = new();

    /// <summary>Where the incident store lives.</summary>
    [Required]
    public string DataDirectory { get; set; } = EngineDefaults.DataDirectory;

    /// <summary>Keep engine state (log templates, every series' detector state) in the data directory across restarts; the demo turns it off.</summary>
    public bool PersistState { get; set; } = true;

    /// <summary>Also save the detector state this often while running (a killed process loses at most this much learning); zero: only at shutdown.</summary>
    public TimeSpan StateSaveInterval { get; set; } = EngineDefaults.StateSaveInterval;

    /// <summary>Folder with topology.yaml and rule files; defaults to the rules shipped with the binary.</summary>
    public string? RulesDirectory { get; set; }

    [Required]
    public string Urls { get; set; } = EngineDefaults.Urls;

    /// <summary>When no message arrives, move the correlation clock to wall time so quiet incidents resolve.</summary>
    public bool AdvanceClockWhenIdle { get; set; } = true;

    /// <summary>Partitions of the topics the embedded broker creates.</summary>
    [Range(1, 256)]
    public int EmbeddedPartitions { get; set; } = EngineDefaults.EmbeddedPartitions;

    /// <summary>Bearer tokens of the HTTP API (none: open API, loopback only).</summary>
    public ApiOptions Api { get; set; } = new();

    public DetectionOptions Detection { get; set; } = new();

    public CorrelatorOptions Correlation { get; set; } = new();

    /// <summary>Signals and incident annotations to InfluxDB; off while its URL is empty.</summary>
    public InfluxOptions Influx { get; set; } = new();

    /// <summary>Open incidents as Alertmanager alerts; off while its URL is empty.</summary>
    public AlertmanagerOptions Alertmanager { get; set; } = new();

    /// <summary>Signed JSON webhooks of every incident version; off while no URL is set.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>Buffering, spilling and retries shared by every outbound sink.</summary>
    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>OTLP export, the Prometheus scrape path, log format.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    public string ResolveRulesDirectory() => RulesDirectory ?? EngineDefaults.RulesDirectory();
}
