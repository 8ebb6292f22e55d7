using AIOps.Core.Model;

namespace AIOps.Core.Ports;

/// <summary>
/// The normalize step between decoding and detection: enriches decoded records in place (e.g. log template ids).
/// Single-threaded, like the loop that calls it.
/// </summary>
public interface IRecordNormalizer
{
    void Normalize(List<TelemetryRecord> records);
}
