using System.ComponentModel.DataAnnotations;

namespace AIOps.Server.Options;

/// <summary>
/// How every sink and notifier is buffered and retried: a bounded memory buffer, then a bounded spill file, then
/// counted drops; retries with exponential backoff and jitter behind a circuit breaker.
/// </summary>
public sealed class DeliveryOptions
{
    /// <summary>Items held in memory per sink before new ones spill to disk.</summary>
    [Range(1, 10_000_000)]
    public int BufferCapacity { get; set; } = DeliveryDefaults.BufferCapacity;

    /// <summary>Bytes of the spill file per sink (under the data directory); beyond it items are dropped and counted.</summary>
    [Range(0, long.MaxValue)]
    public long SpillMaxBytes { get; set; } = DeliveryDefaults.SpillMaxBytes;

    /// <summary>Retries of one delivery before the batch waits and the whole pipeline starts over.</summary>
    [Range(0, 100)]
    public int MaxRetryAttempts { get; set; } = DeliveryDefaults.MaxRetryAttempts;

    public TimeSpan RetryBaseDelay { get; set; } = DeliveryDefaults.RetryBaseDelay;

    public TimeSpan RetryMaxDelay { get; set; } = DeliveryDefaults.RetryMaxDelay;

    /// <summary>How long the breaker stays open (deliveries fail fast, items wait in the buffer).</summary>
    public TimeSpan BreakDuration { get; set; } = DeliveryDefaults.BreakDuration;

    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the breaker.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = DeliveryDefaults.FailureRatio;

    [Range(2, int.MaxValue)]
    public int MinimumThroughput { get; set; } = DeliveryDefaults.MinimumThroughput;

    public TimeSpan SamplingDuration { get; set; } = DeliveryDefaults.SamplingDuration;

    /// <summary>On shutdown, how long the buffer may keep delivering before what is left is spilled to disk.</summary>
    public TimeSpan ShutdownGrace { get; set; } = DeliveryDefaults.ShutdownGrace;

    /// <summary>Folder of the spill files; null means &lt;data directory&gt;/delivery.</summary>
    public string? SpillDirectory { get; set; }
}
