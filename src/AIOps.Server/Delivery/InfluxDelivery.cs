using InfluxDB.Client.Core.Exceptions;

namespace AIOps.Server.Delivery;

/// <summary>
/// Marks InfluxDB's answers that no retry can fix (bad line protocol or a field type conflict: 400, 413, 422) as
/// permanent, so one bad batch cannot hold up the buffer. Auth and not-found errors stay transient: they are
/// configuration mistakes, and the buffer plus spill file keep the points until the configuration is fixed.
/// </summary>
internal static class InfluxDelivery
{
    public static Func<IReadOnlyList<T>, CancellationToken, ValueTask> Classified<T>(Func<IReadOnlyList<T>, CancellationToken, ValueTask> write) =>
        async (batch, ct) =>
        {
            try
            {
                await write(batch, ct).ConfigureAwait(false);
            }
            catch (InfluxException ex) when (ex.Status is 400 or 413 or 422)
            {
                throw new PermanentDeliveryException($"InfluxDB rejected {batch.Count} points ({ex.Status}): {ex.Message}", ex);
            }
        };
}
