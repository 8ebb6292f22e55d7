namespace AIOps.Server.Options;

/// <summary>Where open incidents are posted as alerts. Off while <see cref="Url"/> is empty.</summary>
public sealed class AlertmanagerOptions
{
    /// <summary>Alertmanager base URL (e.g. http://alertmanager:9093); alerts go to {Url}/api/v2/alerts.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Open incidents are re-posted this often; endsAt is three intervals ahead, as Prometheus does.</summary>
    public TimeSpan ResendInterval { get; set; } = DeliveryDefaults.AlertmanagerResendInterval;

    /// <summary>Base of the report link: {ReportBaseUrl}/api/v1/incidents/{id}/rca; empty uses the engine's own URL.</summary>
    public string ReportBaseUrl { get; set; } = string.Empty;

    public TimeSpan Timeout { get; set; } = DeliveryDefaults.HttpTimeout;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
