namespace AIOps.Server.Delivery;

/// <summary>
/// A delivery the receiver will never accept (e.g. HTTP 400): retrying cannot help, so the items are counted as
/// dropped and logged instead of blocking the buffer behind them.
/// </summary>
public sealed class PermanentDeliveryException : Exception
{
    public PermanentDeliveryException()
    {
    }

    public PermanentDeliveryException(string message)
        : base(message)
    {
    }

    public PermanentDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
