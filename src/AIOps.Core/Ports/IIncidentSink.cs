using AIOps.Core.Model;

namespace AIOps.Core.Ports;

/// <summary>Receives every incident version (store, Kafka topic, notifiers). Returning means it was accepted.</summary>
public interface IIncidentSink
{
    ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken);
}
