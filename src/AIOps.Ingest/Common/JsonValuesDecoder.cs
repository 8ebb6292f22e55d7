using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Ingest.Common;

/// <summary>
/// The frame every JSON decoder shares: one value per message, or several (NDJSON, concatenated), each read to its
/// end before it is mapped (so its syntax errors come first, as with a parsed document); a syntax error reads
/// "invalid JSON: ...", a mapping error of a later value is prefixed "value N: ", and a failed message leaves
/// nothing in the output. How a value is mapped is the subclass's business.
/// </summary>
internal abstract class JsonValuesDecoder : ITelemetryDecoder
{
    private static readonly JsonReaderOptions MultiValueOptions = new()
    {
        AllowMultipleValues = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    private static readonly JsonReaderOptions SingleValueOptions = new()
    {
        AllowTrailingCommas = false,
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

    /// <summary>Decodes the whole payload, with <see cref="DecodeMany"/> or <see cref="DecodeSingle"/>.</summary>
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
                var kind = reader.TokenType;
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var error = MapValue(kind, message.Payload[start..(int)reader.BytesConsumed], message, output);
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
    /// Exactly one value, the payload read to its end before mapping: the same syntax errors, in the same order,
    /// as <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> with <see cref="Json.DocumentOptions"/>.
    /// </summary>
    protected string? DecodeSingle(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var reader = new Utf8JsonReader(message.Payload.Span, SingleValueOptions);
        try
        {
            reader.Read();
            var kind = reader.TokenType;
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var end = (int)reader.BytesConsumed;
            while (reader.Read())
            {
                // Only comments and white space may follow the value; anything else has thrown.
            }

            return MapValue(kind, message.Payload[start..end], message, output);
        }
        catch (JsonException ex)
        {
            return "invalid JSON: " + ex.Message;
        }
    }

    /// <summary>
    /// Maps one whole, valid value (<paramref name="kind"/> is its first token). <see cref="InvalidOperationException"/>
    /// from reading its text must come back as <see cref="UnexpectedShape"/>, not be thrown.
    /// </summary>
    protected abstract string? MapValue(JsonTokenType kind, ReadOnlyMemory<byte> value, in InboundMessage message, ICollection<TelemetryRecord> output);

    /// <summary>The reason for an accessor that met an unexpected kind or text (bad UTF-8): reported, never thrown.</summary>
    protected static string UnexpectedShape(InvalidOperationException ex) => "unexpected JSON shape: " + ex.Message;
}
