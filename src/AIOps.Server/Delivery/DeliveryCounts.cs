namespace AIOps.Server.Delivery;

/// <summary>
/// What happened to the items handed to one resilient sink. Every accepted item ends in exactly one of
/// delivered, dropped, or still pending (buffer or spill): <c>Queued == Delivered + Dropped + InBuffer + InSpill</c>
/// once no delivery is in flight.
/// </summary>
public readonly record struct DeliveryCounts(
    long Queued,
    long Delivered,
    long Retried,
    long Spilled,
    long Dropped,
    long Failures,
    long InBuffer,
    long InSpill);
