namespace AIOps.Server.Delivery;

/// <summary>A resilient sink as the status API and the meter see it.</summary>
public interface IDeliveryStatus
{
    string Name { get; }

    DeliveryCounts Counts { get; }

    /// <summary>Waits until everything accepted so far was delivered or dropped; false on timeout.</summary>
    Task<bool> WaitIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default);
}
