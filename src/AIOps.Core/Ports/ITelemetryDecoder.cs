using AIOps.Core.Model;

namespace AIOps.Core.Ports;

/// <summary>
/// Decodes one wire format. Implementations never throw on bad input: they return a failed
/// <see cref="DecodeResult"/> with a reason, and the message goes to the dead-letter topic.
/// </summary>
public interface ITelemetryDecoder
{
    /// <summary>The format name used in topic bindings (e.g. <c>influx</c>, <c>alertmanager</c>).</summary>
    string Format { get; }

    /// <summary>Appends the decoded records to <paramref name="output"/>.</summary>
    DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output);
}
