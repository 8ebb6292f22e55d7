using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Server.Delivery;

/// <summary>
/// Notifiers page people, so an incident an operator silenced or marked as noise must stop paging: its open versions
/// reach the notifier as resolved (Alertmanager ends the alert and its keep-alive stops; a webhook says why). When the
/// silence ends, the next version goes out open again. History sinks (store, Kafka, InfluxDB) are never wrapped.
/// </summary>
internal sealed class SuppressibleIncidentSink(IIncidentSink inner, Func<Incident, bool> suppressed, TimeProvider time) : IIncidentSink
{
    public const string SuppressedChange = "suppressed by an operator (silence or noise mark)";

    public ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken) =>
        incident.Status == IncidentStatus.Open && suppressed(incident)
            ? inner.PublishAsync(incident with { Status = IncidentStatus.Resolved, ResolvedAt = time.GetUtcNow(), Change = SuppressedChange }, cancellationToken)
            : inner.PublishAsync(incident, cancellationToken);
}
