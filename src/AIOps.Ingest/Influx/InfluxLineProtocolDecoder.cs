using System.Buffers.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Influx;

/// <summary>
/// Influx line protocol (Telegraf's <c>influx</c> data format, InfluxDB writes): every numeric or boolean field of
/// every line becomes one <see cref="MetricPoint"/> named <c>measurement_field</c>, labelled with the line's tags.
/// String fields carry no series value and are skipped (counted in <c>aiops.ingest.skipped_fields</c>).
/// Timestamps are nanoseconds unless the message's <c>precision</c> header or the options say otherwise;
/// a line without one takes the message timestamp. Any malformed line fails the whole message.
/// </summary>
internal sealed class InfluxLineProtocolDecoder : ITelemetryDecoder
{
    public const string PrecisionHeader = "precision";

    private const int SeriesCacheCapacity = 16_384;
    private const int NameCacheCapacity = 16_384;

    private readonly TimeUnit _defaultPrecision;

    // Decoded series (measurement + tags) and point names, keyed by their raw bytes; shared across messages.
    private readonly Utf8KeyCache<Series> _series = new(SeriesCacheCapacity);
    private readonly Utf8KeyCache<string> _names = new(NameCacheCapacity);

    public InfluxLineProtocolDecoder(string precision = DecoderDefaults.InfluxPrecision)
    {
        if (!Timestamps.TryParseUnit(precision, out _defaultPrecision))
        {
            throw new ArgumentException($"unknown influx precision '{precision}' (expected ns, us, ms, s, m or h)", nameof(precision));
        }
    }

    public string Format => DecoderFormats.Influx;

    public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var precision = _defaultPrecision;
        var header = message.Headers.Count == 0 ? null : message.Header(PrecisionHeader);
        if (header is not null && !Timestamps.TryParseUnit(header.Trim(), out precision))
        {
            return DecodeResult.Fail(Format, $"unknown precision header '{header}' (expected ns, us, ms, s, m or h)");
        }

        var start = output.Count;
        var error = DecodeLines(message.Payload.Span, precision, message.Timestamp, output);
        if (error is not null)
        {
            OutputRollback.To(output, start);
            return DecodeResult.Fail(Format, error);
        }

        return DecodeResult.Ok(Format, output.Count - start);
    }

    private string? DecodeLines(ReadOnlySpan<byte> payload, TimeUnit precision, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        var reader = new LineProtocolReader(payload);

        // Batches repeat the same measurement and tags line after line: check the previous line before the cache.
        ReadOnlySpan<byte> previousKey = default;
        Series? series = null;

        while (true)
        {
            // False at the end (error null) or on the first malformed line (error set).
            if (!reader.TryRead(out var line, out var error))
            {
                return error;
            }

            DateTimeOffset timestamp;
            if (line.Timestamp is { } raw)
            {
                if (!Timestamps.TryFromUnix(raw, precision, out timestamp))
                {
                    return $"line {line.LineNumber}: timestamp {raw} out of range for precision {precision}";
                }
            }
            else if (fallbackTime is { } fallback)
            {
                timestamp = fallback;
            }
            else
            {
                return $"line {line.LineNumber}: no timestamp in the line and none on the message";
            }

            if (series is null || !line.SeriesKey.SequenceEqual(previousKey))
            {
                previousKey = line.SeriesKey;
                if (!_series.TryGet(line.SeriesKey, out series))
                {
                    var labels = ParseTags(line.Tags);
                    series = new Series(LineProtocolText.Measurement(line.Measurement), labels, EntityResolver.FromLabels(labels));
                    _series.Add(line.SeriesKey, series);
                }
            }

            var fieldError = EmitFields(line, series, timestamp, output);
            if (fieldError is not null)
            {
                return fieldError;
            }
        }
    }

    private string? EmitFields(in LineToken line, Series series, DateTimeOffset timestamp, ICollection<TelemetryRecord> output)
    {
        var fields = line.Fields;
        var pos = 0;
        while (pos < fields.Length)
        {
            var eq = LineProtocolText.IndexOfUnescaped(fields, pos, (byte)'=');
            var key = fields[pos..eq];
            var valueStart = eq + 1;
            int valueEnd;
            if (fields[valueStart] == (byte)'"')
            {
                valueEnd = LineProtocolText.EndOfQuoted(fields, valueStart);
                IngestMetrics.SkippedFields.Add(1);
            }
            else
            {
                valueEnd = fields[valueStart..].IndexOf((byte)',');
                valueEnd = valueEnd < 0 ? fields.Length : valueStart + valueEnd;
                if (!TryParseValue(fields[valueStart..valueEnd], out var value))
                {
                    return $"line {line.LineNumber}: field '{LineProtocolText.Name(key)}' has invalid value '{System.Text.Encoding.UTF8.GetString(fields[valueStart..valueEnd])}'";
                }

                output.Add(new MetricPoint
                {
                    Name = PointName(line.Measurement, key, series.Measurement),
                    Labels = series.Labels,
                    Value = value,
                    Timestamp = timestamp,
                    Resource = series.Resource,
                });
            }

            pos = valueEnd + 1; // past the comma
        }

        return null;
    }

    // "measurement_field", cached under the raw "measurement field" bytes (a space cannot appear unescaped in either).
    private string PointName(ReadOnlySpan<byte> rawMeasurement, ReadOnlySpan<byte> rawKey, string measurement)
    {
        var length = rawMeasurement.Length + 1 + rawKey.Length;
        if (length > 512)
        {
            return string.Concat(measurement, "_", LineProtocolText.Name(rawKey));
        }

        Span<byte> key = stackalloc byte[length];
        rawMeasurement.CopyTo(key);
        key[rawMeasurement.Length] = (byte)' ';
        rawKey.CopyTo(key[(rawMeasurement.Length + 1)..]);
        if (!_names.TryGet(key, out var name))
        {
            name = string.Concat(measurement, "_", LineProtocolText.Name(rawKey));
            _names.Add(key, name);
        }

        return name;
    }

    private sealed record Series(string Measurement, LabelSet Labels, Resource Resource);

    /// <summary>Float (<c>1.5</c>, <c>-2e3</c>), integer (<c>12i</c>), unsigned (<c>12u</c>) or boolean (t, true, F, FALSE...).</summary>
    internal static bool TryParseValue(ReadOnlySpan<byte> token, out double value)
    {
        value = 0;
        if (token.IsEmpty)
        {
            return false;
        }

        var last = token[^1];
        if (last == (byte)'i')
        {
            var ok = Utf8Parser.TryParse(token[..^1], out long integer, out var consumed) && consumed == token.Length - 1;
            value = integer;
            return ok;
        }

        if (last == (byte)'u')
        {
            var ok = Utf8Parser.TryParse(token[..^1], out ulong unsigned, out var consumed) && consumed == token.Length - 1;
            value = unsigned;
            return ok;
        }

        switch (token)
        {
            case [(byte)'t' or (byte)'T']:
                value = 1;
                return true;
            case [(byte)'f' or (byte)'F']:
                return true;
        }

        if (token.SequenceEqual("true"u8) || token.SequenceEqual("True"u8) || token.SequenceEqual("TRUE"u8))
        {
            value = 1;
            return true;
        }

        if (token.SequenceEqual("false"u8) || token.SequenceEqual("False"u8) || token.SequenceEqual("FALSE"u8))
        {
            return true;
        }

        // Only digits, sign and '.' may start a float: NaN and Inf are not line protocol.
        var first = token[0];
        if (!(first is >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'+' or (byte)'.'))
        {
            return false;
        }

        return Utf8Parser.TryParse(token, out value, out var used) && used == token.Length && double.IsFinite(value);
    }

    private static LabelSet ParseTags(ReadOnlySpan<byte> tags)
    {
        if (tags.IsEmpty)
        {
            return LabelSet.Empty;
        }

        var items = new List<KeyValuePair<string, string>>(4);
        var pos = 0;
        var unique = true;
        while (pos < tags.Length)
        {
            var eq = LineProtocolText.IndexOfUnescaped(tags, pos, (byte)'=');
            var end = LineProtocolText.IndexOfUnescaped(tags, eq + 1, (byte)',');
            end = end < 0 ? tags.Length : end;
            var key = LineProtocolText.Name(tags[pos..eq]);
            for (var i = 0; i < items.Count && unique; i++)
            {
                unique = !string.Equals(items[i].Key, key, StringComparison.Ordinal);
            }

            items.Add(new(key, LineProtocolText.Name(tags[(eq + 1)..end])));
            pos = end + 1;
        }

        return unique ? LabelSet.FromUnique(items) : LabelSet.From(items);
    }
}
