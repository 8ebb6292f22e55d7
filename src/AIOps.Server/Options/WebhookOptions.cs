namespace AIOps.Server.Options;

/// <summary>Every incident version is POSTed as JSON to each URL, signed with HMAC-SHA256. Off while no URL is set.</summary>
public sealed class WebhookOptions
{
    public List<string> Urls { get; set; } = [];

    /// <summary>Shared secret of the <c>X-AIOps-Signature: sha256=&lt;hex&gt;</c> header; a secret (never logged).</summary>
    public string Secret { get; set; } = string.Empty;

    public TimeSpan Timeout { get; set; } = DeliveryDefaults.HttpTimeout;

    public bool Enabled => Urls.Exists(u => !string.IsNullOrWhiteSpace(u));
}
