using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Ingest.Common;

/// <summary>
/// Shared frame for the document-shaped JSON formats: parse once into a pooled <see cref="JsonDocument"/>,
/// map it, and turn any parse error or mapping error into a failed result with the partial output rolled back.
/// </summary>
internal abstract class JsonDecoder : ITelemetryDecoder
{
    private static readonly JsonReaderOptions MultiValueOptions = new()
    {
        AllowMultipleValues = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public abstract string Format { get; }

    /// <summary>Whether one message may hold several concatenated or newline-delimited JSON values (NDJSON).</summary>
    protected virtual bool AllowMultipleValues => false;

    public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var start = output.Count;
        var error = AllowMultipleValues ? DecodeMany(message, output) : DecodeOne(message, output);
        if (error is not null)
        {
            OutputRollback.To(output, start);
            return DecodeResult.Fail(Format, error);
        }

        return DecodeResult.Ok(Format, output.Count - start);
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

    private string? DecodeMany(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var reader = new Utf8JsonReader(message.Payload.Span, MultiValueOptions);
        var values = 0;
        try
        {
            while (reader.Read())
            {
                values++;
                using var document = JsonDocument.ParseValue(ref reader);
                var error = SafeMap(document.RootElement, message, output);
                if (error is not null)
                {
                    return values == 1 ? error : $"value {values}: {error}";
                }
            }
        }
        catch (JsonException ex)
        {
            return "invalid JSON: " + ex.Message;
        }

        return values == 0 ? "empty message (no JSON value)" : null;
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
            return "unexpected JSON shape: " + ex.Message;
        }
    }

    /// <summary>Appends records for <paramref name="root"/>; returns an error reason, or null on success.</summary>
    protected abstract string? Map(JsonElement root, in InboundMessage message, ICollection<TelemetryRecord> output);
}
