using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Accuracy.Correlation;

/// <summary>Keeps every signal and every incident version the pipeline publishes (the store keeps only the newest).</summary>
internal sealed class CaptureSinks : ISignalSink, IIncidentSink
{
    public List<Signal> Signals { get; } = [];

    public List<Incident> Versions { get; } = [];

    public ValueTask PublishAsync(Signal signal, CancellationToken cancellationToken)
    {
        Signals.Add(signal);
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
    {
        Versions.Add(incident);
        return ValueTask.CompletedTask;
    }
}
