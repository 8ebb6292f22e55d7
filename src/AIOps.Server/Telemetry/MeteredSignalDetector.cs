using System.Diagnostics;
using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Server.Telemetry;

/// <summary>Times every record through the detection stage (two timestamp reads and one histogram record).</summary>
internal sealed class MeteredSignalDetector : ISignalDetector
{
    private readonly ISignalDetector _inner;
    private readonly EngineMetrics _metrics;

    public MeteredSignalDetector(ISignalDetector inner, EngineMetrics metrics)
    {
        _inner = inner;
        _metrics = metrics;
    }

    public void Observe(TelemetryRecord record, ICollection<Signal> signals)
    {
        var start = Stopwatch.GetTimestamp();
        _inner.Observe(record, signals);
        _metrics.RecordDetected(Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
