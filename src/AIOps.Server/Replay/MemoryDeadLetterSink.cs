using System.Collections.Concurrent;
using AIOps.Core.Ports;

namespace AIOps.Server.Replay;

/// <summary>Keeps dead letters in memory (replay has no broker); every one is counted and can be listed.</summary>
public sealed class MemoryDeadLetterSink : IDeadLetterSink
{
    private readonly ConcurrentQueue<(InboundMessage Message, string Reason)> _letters = new();

    public IReadOnlyCollection<(InboundMessage Message, string Reason)> Letters => _letters;

    public ValueTask DeadLetterAsync(InboundMessage message, string reason, CancellationToken cancellationToken)
    {
        _letters.Enqueue((message, reason));
        return ValueTask.CompletedTask;
    }
}
