using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Ingest.Common;

/// <summary>
/// The frame every JSON decoder shares: a failed message leaves nothing in the output; several values per message
/// (NDJSON, concatenated) are each read to their end before they are mapped (so a value's syntax errors come first,
/// as with a parsed document), a syntax error reads "invalid JSON: ...", and a mapping error of a later value is
/// prefixed "value N: ". How a value is mapped is the subclass's business.
/// </summary>
internal abstract class JsonValuesDecoder : ITelemetryDecoder
{
    private static readonly JsonReaderOptions MultiValueOptions = new()
    {
        AllowMultipleValues = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public abstract string Format { get; }

    public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var start = output.Count;
        var error = DecodeAll(message, output);
        if (error is not null)
        {
            OutputRollback.To(output, start);
            return DecodeResult.Fail(Format, error);
        }

        return DecodeResult.Ok(Format, output.Count - start);
    }

    /// <summary>Decodes the whole payload (<see cref="DecodeMany"/>, or the subclass's own single-value read).</summary>
    protected abstract string? DecodeAll(in InboundMessage message, ICollection<TelemetryRecord> output);

    /// <summary>Any number of values, each mapped once it has been read through.</summary>
    protected string? DecodeMany(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var reader = new Utf8JsonReader(message.Payload.Span, MultiValueOptions);
        var values = 0;
        try
        {
            while (reader.Read())
            {
                values++;
                var error = MapValue(ref reader, message, output);
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

    /// <summary>
    /// Reads the value <paramref name="reader"/> is on through to its last token, then maps it: syntax errors anywhere
    /// in the value (thrown as <see cref="JsonException"/>) must come before any mapping error, and
    /// <see cref="InvalidOperationException"/> from reading its text must come back as <see cref="UnexpectedShape"/>.
    /// </summary>
    protected abstract string? MapValue(ref Utf8JsonReader reader, in InboundMessage message, ICollection<TelemetryRecord> output);

    /// <summary>The reason for an accessor that met an unexpected kind or text (bad UTF-8): reported, never thrown.</summary>
    protected static string UnexpectedShape(InvalidOperationException ex) => "unexpected JSON shape: " + ex.Message;
}
