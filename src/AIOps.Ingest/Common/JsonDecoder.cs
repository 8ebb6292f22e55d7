using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Ingest.Common;

/// <summary>
/// The document-shaped JSON formats: each value parsed into a pooled <see cref="JsonDocument"/> and mapped from its
/// root element; parse and mapping errors become failed results with the partial output rolled back.
/// </summary>
internal abstract class JsonDecoder : JsonValuesDecoder
{
    /// <summary>Whether one message may hold several concatenated or newline-delimited JSON values (NDJSON).</summary>
    protected virtual bool AllowMultipleValues => false;

    protected override string? DecodeAll(in InboundMessage message, ICollection<TelemetryRecord> output) =>
        AllowMultipleValues ? DecodeMany(message, output) : DecodeOne(message, output);

    // One value of several: read through (validated), then parsed in place (no copy), which cannot fail.
    protected override string? MapValue(ref Utf8JsonReader reader, in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        using var document = JsonDocument.Parse(message.Payload[start..(int)reader.BytesConsumed], Json.DocumentOptions);
        return SafeMap(document.RootElement, message, output);
    }

    private string? DecodeOne(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        // Parse(ReadOnlyMemory) reads the payload in place, without copying it.
        if (!Json.TryParse(message.Payload, out var document, out var error))
        {
            return error;
        }

        using (document)
        {
            return SafeMap(document!.RootElement, message, output);
        }
    }

    private string? SafeMap(JsonElement root, in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        try
        {
            return Map(root, message, output);
        }
        catch (InvalidOperationException ex)
        {
            // A JsonElement accessor met an unexpected kind; report it instead of crashing the consume loop.
            return UnexpectedShape(ex);
        }
    }

    /// <summary>Appends records for <paramref name="root"/>; returns an error reason, or null on success.</summary>
    protected abstract string? Map(JsonElement root, in InboundMessage message, ICollection<TelemetryRecord> output);
}
