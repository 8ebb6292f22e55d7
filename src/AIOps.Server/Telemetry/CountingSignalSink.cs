using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Server.Telemetry;

/// <summary>Counts every signal the engine publishes, by kind; the engine hands each signal to every signal sink.</summary>
internal sealed class CountingSignalSink : ISignalSink
{
    private readonly EngineMetrics _metrics;

    public CountingSignalSink(EngineMetrics metrics) => _metrics = metrics;

    public ValueTask PublishAsync(Signal signal, CancellationToken cancellationToken)
    {
        _metrics.SignalRaised(signal.Kind);
        return ValueTask.CompletedTask;
    }
}
