using AIOps.Core.Model;

namespace AIOps.Core.Ports;

/// <summary>Receives signals as they are raised (the <c>aiops.signals</c> hand-off, dashboards).</summary>
public interface ISignalSink
{
    ValueTask PublishAsync(Signal signal, CancellationToken cancellationToken);
}
