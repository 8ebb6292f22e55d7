namespace AIOps.Server.Delivery;

/// <summary>A resilient sink as the status API and the meter see it.</summary>
public interface IDeliveryStatus
{
    string Name { get; }

    DeliveryCounts Counts { get; }
}
