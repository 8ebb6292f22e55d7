using System.Buffers.Text;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Prometheus;

/// <summary>
/// prometheus-kafka-adapter's JSON serialization, one sample per object:
/// <c>{"timestamp":"2026-11-27T16:10:39Z","value":"1.5","name":"up","labels":{"__name__":"up","job":"api"}}</c>.
/// Values are Go-formatted strings ("NaN", "+Inf", "-Inf" included); numbers are accepted too. Several
/// concatenated or newline-separated objects in one message are decoded in order. <c>__name__</c> is not kept as a label.
/// </summary>
internal sealed class PrometheusJsonDecoder : ITelemetryDecoder
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowMultipleValues = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    private const int CacheCapacity = 16_384;

    // Label sets (with their resolved resource) and metric names by raw bytes, shared across messages.
    private readonly Utf8KeyCache<Series> _series = new(CacheCapacity);
    private readonly Utf8KeyCache<string> _names = new(CacheCapacity);

    public string Format => DecoderFormats.PrometheusJson;

    public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var start = output.Count;
        string? error;
        try
        {
            error = DecodeSamples(message.Payload.Span, message.Timestamp, output);
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message;
        }
        catch (InvalidOperationException ex)
        {
            // GetString on invalid UTF-8 inside a string token.
            error = "invalid JSON text: " + ex.Message;
        }

        if (error is not null)
        {
            OutputRollback.To(output, start);
            return DecodeResult.Fail(Format, error);
        }

        return output.Count == start
            ? DecodeResult.Fail(Format, "no sample object in the message")
            : DecodeResult.Ok(Format, output.Count - start);
    }

    private string? DecodeSamples(ReadOnlySpan<byte> payload, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        var reader = new Utf8JsonReader(payload, ReaderOptions);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return $"expected a sample object, found {reader.TokenType}";
            }

            string? name = null;
            Series? series = null;
            double? value = null;
            DateTimeOffset? timestamp = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("name"u8))
                {
                    reader.Read();
                    name = reader.TokenType == JsonTokenType.String ? CachedString(ref reader) : null;
                }
                else if (reader.ValueTextEquals("value"u8))
                {
                    reader.Read();
                    value = ReadValue(ref reader);
                    if (value is null)
                    {
                        return "sample value is not a number";
                    }
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    timestamp = ReadTimestamp(ref reader);
                    if (timestamp is null)
                    {
                        return "sample timestamp is not RFC 3339 or epoch";
                    }
                }
                else if (reader.ValueTextEquals("labels"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        return "labels is not an object";
                    }

                    var error = ReadLabels(ref reader, payload, out series);
                    if (error is not null)
                    {
                        return error;
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            name ??= series?.DunderName;
            if (string.IsNullOrEmpty(name))
            {
                return "sample has no name";
            }

            if (value is null)
            {
                return $"sample '{name}' has no value";
            }

            timestamp ??= fallbackTime;
            if (timestamp is null)
            {
                return $"sample '{name}' has no timestamp and the message has none";
            }

            output.Add(new MetricPoint
            {
                Name = name,
                Labels = series?.Labels ?? LabelSet.Empty,
                Value = value.Value,
                Timestamp = timestamp.Value,
                Resource = series?.Resource ?? Resource.Unknown,
            });
        }

        return null;
    }

    // The adapter writes every sample of a series with byte-identical labels: skip the object, look its raw bytes
    // up, and only parse it (from a saved copy of the reader) on a miss.
    private string? ReadLabels(ref Utf8JsonReader reader, ReadOnlySpan<byte> payload, out Series? series)
    {
        var objectStart = (int)reader.TokenStartIndex;
        var scan = reader;
        reader.Skip();
        var raw = payload[objectStart..(int)reader.BytesConsumed];
        if (_series.TryGet(raw, out series))
        {
            return null;
        }

        string? dunderName = null;
        var labels = new List<KeyValuePair<string, string>>(8);
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            var isName = scan.ValueTextEquals("__name__"u8);
            var key = scan.GetString()!;
            scan.Read();
            if (scan.TokenType != JsonTokenType.String)
            {
                return $"label '{key}' is not a string";
            }

            if (isName)
            {
                dunderName = scan.GetString();
            }
            else
            {
                labels.Add(new(key, scan.GetString()!));
            }
        }

        var set = Labels.Build(labels);
        series = new Series(set, EntityResolver.FromLabels(set), dunderName);
        _series.Add(raw, series);
        return null;
    }

    private string CachedString(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        var raw = reader.ValueSpan;
        if (!_names.TryGet(raw, out var text))
        {
            text = reader.GetString()!;
            _names.Add(raw, text);
        }

        return text;
    }

    private static double? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out var number):
                return number;
            case JsonTokenType.String when !reader.ValueIsEscaped:
                // Go's strconv forms, parsed from the bytes: decimals, exponents, NaN, +Inf, -Inf.
                var raw = reader.ValueSpan;
                if (raw.SequenceEqual("NaN"u8))
                {
                    return double.NaN;
                }

                if (raw.SequenceEqual("+Inf"u8) || raw.SequenceEqual("Inf"u8))
                {
                    return double.PositiveInfinity;
                }

                if (raw.SequenceEqual("-Inf"u8))
                {
                    return double.NegativeInfinity;
                }

                return raw.Length > 0 && raw[0] is (byte)'-' or (byte)'+' or (byte)'.' or (>= (byte)'0' and <= (byte)'9') &&
                       Utf8Parser.TryParse(raw, out double parsed, out var consumed) && consumed == raw.Length ? parsed : FromText(ref reader);
            case JsonTokenType.String:
                return FromText(ref reader);
            default:
                return null;
        }
    }

    private static double? FromText(ref Utf8JsonReader reader) => Json.TryParseDouble(reader.GetString(), out var parsed) ? parsed : null;

    private static DateTimeOffset? ReadTimestamp(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out var epoch):
                return Timestamps.TryFromUnixAuto(epoch, out var fromNumber) ? fromNumber : null;
            case JsonTokenType.String:
                if (reader.TryGetDateTimeOffset(out var fast))
                {
                    return fast.ToUniversalTime();
                }

                var text = reader.GetString();
                return text is not null && Timestamps.TryParseText(text, out var parsed) ? parsed : null;
            default:
                return null;
        }
    }

    private sealed record Series(LabelSet Labels, Resource Resource, string? DunderName);
}
