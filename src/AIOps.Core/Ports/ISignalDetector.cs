using AIOps.Core.Model;

namespace AIOps.Core.Ports;

/// <summary>The detection stage: turns normalized records into signals (anomalies, alerts, changes).</summary>
public interface ISignalDetector
{
    void Observe(TelemetryRecord record, ICollection<Signal> signals);
}
