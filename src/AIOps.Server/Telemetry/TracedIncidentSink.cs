using System.Diagnostics;
using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Server.Telemetry;

/// <summary>
/// Publishes one incident version to every sink in order inside one span (<see cref="EngineTelemetry.PublishActivity"/>,
/// with the incident id and version), so a slow or failing sink shows up on the version it delayed.
/// </summary>
internal sealed class TracedIncidentSink : IIncidentSink
{
    private readonly IReadOnlyList<IIncidentSink> _sinks;
    private readonly EngineMetrics _metrics;

    public TracedIncidentSink(IReadOnlyList<IIncidentSink> sinks, EngineMetrics metrics)
    {
        _sinks = sinks;
        _metrics = metrics;
    }

    public async ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Source.StartActivity(EngineTelemetry.PublishActivity, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("aiops.incident.id", incident.Id);
            activity.SetTag("aiops.incident.version", incident.Version);
            activity.SetTag("aiops.incident.change", incident.Change);
            activity.SetTag("aiops.incident.status", incident.Status.ToString().ToLowerInvariant());
            activity.SetTag("aiops.incident.severity", incident.Severity.ToString().ToLowerInvariant());
            activity.SetTag("aiops.incident.signals", incident.Signals.Count);
            if (incident.RootCause?.Candidates is [var top, ..])
            {
                activity.SetTag("aiops.incident.top_cause", top.Entity);
            }
        }

        try
        {
            foreach (var sink in _sinks)
            {
                await sink.PublishAsync(incident, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }

        _metrics.IncidentPublished(incident);
    }
}
