using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Server.Delivery;

/// <summary>An <see cref="ISignalSink"/> that only enqueues; the wrapped receiver is fed in the background.</summary>
public sealed class ResilientSignalSink(ResilientSink<Signal> buffer) : ISignalSink
{
    public ResilientSink<Signal> Buffer { get; } = buffer;

    public ValueTask PublishAsync(Signal signal, CancellationToken cancellationToken)
    {
        Buffer.Enqueue(signal);
        return ValueTask.CompletedTask;
    }
}
