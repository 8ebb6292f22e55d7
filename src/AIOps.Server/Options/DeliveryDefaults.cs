namespace AIOps.Server.Options;

/// <summary>Defaults of <see cref="DeliveryOptions"/>, <see cref="AlertmanagerOptions"/> and <see cref="WebhookOptions"/>.</summary>
public static class DeliveryDefaults
{
    public const int BufferCapacity = 10_000;
    public const long SpillMaxBytes = 64L * 1024 * 1024;
    public const int MaxRetryAttempts = 4;
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);
    public const double FailureRatio = 0.5;
    public const int MinimumThroughput = 4;
    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);
    public const string SpillFolder = "delivery";

    /// <summary>Alertmanager forgets an alert not re-posted before its endsAt; Prometheus re-sends every minute.</summary>
    public static readonly TimeSpan AlertmanagerResendInterval = TimeSpan.FromMinutes(1);
    public const string AlertName = "AIOpsIncident";
    public const string SignatureHeader = "X-AIOps-Signature";
    public static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(10);
}
