using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Ingest.Common;

/// <summary>
/// The frame every JSON decoder shares: one or several (NDJSON, concatenated) JSON values per message, each mapped
/// in turn; a syntax error reads "invalid JSON: ...", a mapping error of a later value is prefixed "value N: ", and a
/// failed message leaves nothing in the output. How a value is mapped is the subclass's business.
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

    /// <summary>Decodes the whole payload; by default as a sequence of values (<see cref="DecodeMany"/>).</summary>
    protected virtual string? DecodeAll(in InboundMessage message, ICollection<TelemetryRecord> output) => DecodeMany(message, output);

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
    /// Maps the value whose first token <paramref name="reader"/> is on, leaving the reader on its last token.
    /// Syntax errors anywhere in the value must surface (as <see cref="JsonException"/>) before any mapping error.
    /// </summary>
    protected abstract string? MapValue(ref Utf8JsonReader reader, in InboundMessage message, ICollection<TelemetryRecord> output);

    /// <summary>The reason for an accessor that met an unexpected kind or text (bad UTF-8): reported, never thrown.</summary>
    protected static string UnexpectedShape(InvalidOperationException ex) => "unexpected JSON shape: " + ex.Message;
}
