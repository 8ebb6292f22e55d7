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

    private static string? DecodeSamples(ReadOnlySpan<byte> payload, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        var reader = new Utf8JsonReader(payload, ReaderOptions);
        var labels = new List<KeyValuePair<string, string>>(8);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return $"expected a sample object, found {reader.TokenType}";
            }

            string? name = null;
            string? metricName = null;
            double? value = null;
            DateTimeOffset? timestamp = null;
            labels.Clear();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("name"u8))
                {
                    reader.Read();
                    name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
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

                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isName = reader.ValueTextEquals("__name__"u8);
                        var key = reader.GetString()!;
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            return $"label '{key}' is not a string";
                        }

                        if (isName)
                        {
                            metricName = reader.GetString();
                        }
                        else
                        {
                            labels.Add(new(key, reader.GetString()!));
                        }
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            name ??= metricName;
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

            var set = Labels.Build(labels);
            output.Add(new MetricPoint
            {
                Name = name,
                Labels = set,
                Value = value.Value,
                Timestamp = timestamp.Value,
                Resource = EntityResolver.FromLabels(set),
            });
        }

        return null;
    }

    private static double? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDouble(out var number) => number,
        JsonTokenType.String when Json.TryParseDouble(reader.GetString(), out var parsed) => parsed,
        _ => null,
    };

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
}
