namespace AIOps.Core.Ports;

/// <summary>Where a message that could not be decoded goes, unchanged, with the reason.</summary>
public interface IDeadLetterSink
{
    ValueTask DeadLetterAsync(InboundMessage message, string reason, CancellationToken cancellationToken);
}
