using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Server.Delivery;

/// <summary>An <see cref="IIncidentSink"/> that only enqueues; the wrapped receiver is fed in the background.</summary>
public sealed class ResilientIncidentSink(ResilientSink<Incident> buffer) : IIncidentSink
{
    public ResilientSink<Incident> Buffer { get; } = buffer;

    public ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
    {
        Buffer.Enqueue(incident);
        return ValueTask.CompletedTask;
    }
}
