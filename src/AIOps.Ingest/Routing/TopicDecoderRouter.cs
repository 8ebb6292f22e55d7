using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;
using AIOps.Ingest.Mapping;

namespace AIOps.Ingest.Routing;

/// <summary>
/// The one decoder the consume loop calls. Each topic is bound to a format or to <c>auto</c> (the default for
/// unbound topics), which detects the format per message (<see cref="FormatDetector"/>). It also guards what
/// goes in: oversized payloads, and records stamped before <see cref="DecoderOptions.MinTimestamp"/> or further
/// than <see cref="DecoderOptions.MaxFutureSkew"/> past the message time (or now, from the injected clock),
/// fail the whole message with a reason, so it lands in the DLQ instead of skewing event time.
/// </summary>
public sealed class TopicDecoderRouter : ITelemetryDecoder
{
    private readonly Dictionary<string, ITelemetryDecoder> _byFormat;
    private readonly Dictionary<string, ITelemetryDecoder?> _byTopic;
    private readonly TimeProvider _timeProvider;
    private readonly DecoderOptions _options;
    private readonly JsonMappingMatcher _mappings;

    [ThreadStatic]
    private static List<TelemetryRecord>? t_scratch;

    /// <param name="decoders">The decoders by <see cref="ITelemetryDecoder.Format"/>; a later one replaces an earlier one of the same name.</param>
    /// <param name="topicBindings">Topic to format name or <c>auto</c>; unbound topics are <c>auto</c>.</param>
    /// <exception cref="ArgumentException">A binding names a format with no decoder.</exception>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are out of range.</exception>
    public TopicDecoderRouter(
        IEnumerable<ITelemetryDecoder> decoders,
        IReadOnlyDictionary<string, string> topicBindings,
        TimeProvider timeProvider,
        DecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(decoders);
        ArgumentNullException.ThrowIfNull(topicBindings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _options = options ?? new DecoderOptions();
        _options.Validate();
        _byFormat = new Dictionary<string, ITelemetryDecoder>(StringComparer.OrdinalIgnoreCase);
        var mappings = new List<JsonMappingDecoder>();
        foreach (var decoder in decoders)
        {
            _byFormat[decoder.Format] = decoder;
            if (decoder is JsonMappingDecoder mapping)
            {
                mappings.Add(mapping);
            }
        }

        _mappings = new JsonMappingMatcher(mappings);

        _byTopic = new Dictionary<string, ITelemetryDecoder?>(StringComparer.Ordinal);
        foreach (var (topic, format) in topicBindings)
        {
            if (string.Equals(format, DecoderFormats.Auto, StringComparison.OrdinalIgnoreCase))
            {
                _byTopic[topic] = null;
            }
            else if (_byFormat.TryGetValue(format, out var decoder))
            {
                _byTopic[topic] = decoder;
            }
            else
            {
                throw new ArgumentException(
                    $"topic '{topic}' is bound to format '{format}', which has no decoder (known: {string.Join(", ", _byFormat.Keys)}, auto)",
                    nameof(topicBindings));
            }
        }
    }

    public string Format => DecoderFormats.Router;

    /// <summary>The formats this router can decode.</summary>
    public IReadOnlyCollection<string> Formats => _byFormat.Keys;

    public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        // Size first: detection must not walk an oversized payload.
        if (message.Payload.Length > _options.MaxPayloadBytes)
        {
            IngestMetrics.Rejected.Add(1, new KeyValuePair<string, object?>("reason", "size"));
            var bound = _byTopic.GetValueOrDefault(message.Topic);
            return DecodeResult.Fail(bound?.Format ?? Format, $"payload of {message.Payload.Length} bytes exceeds the limit of {_options.MaxPayloadBytes} bytes");
        }

        var decoder = Select(message, out var error);
        if (decoder is null)
        {
            IngestMetrics.Rejected.Add(1, new KeyValuePair<string, object?>("reason", "format"));
            return DecodeResult.Fail(Format, error!);
        }

        // Decode straight into a list caller (the usual case) and roll back on rejection; else go through a scratch list.
        var direct = output as List<TelemetryRecord>;
        var target = direct ?? (t_scratch ??= []);
        var start = direct?.Count ?? 0;
        try
        {
            DecodeResult result;
            try
            {
                result = decoder.Decode(message, target);
            }
            catch (Exception ex)
            {
                // Decoders must not throw; if one does, the message is still accounted for with the reason.
                result = DecodeResult.Fail(decoder.Format, $"decoder crashed: {ex.GetType().Name}: {ex.Message}");
            }

            if (result.Success && CheckTimestamps(message, target, start) is { } timeError)
            {
                IngestMetrics.Rejected.Add(1, new KeyValuePair<string, object?>("reason", "timestamp"));
                result = DecodeResult.Fail(decoder.Format, timeError);
            }

            if (!result.Success)
            {
                OutputRollback.To(target, start);
                return result;
            }

            if (direct is null)
            {
                foreach (var record in target)
                {
                    output.Add(record);
                }
            }

            return result;
        }
        finally
        {
            if (direct is null)
            {
                target.Clear();
            }
        }
    }

    /// <summary>The decoder for this message (bound or detected), or null with the reason.</summary>
    internal ITelemetryDecoder? Select(in InboundMessage message, out string? error)
    {
        error = null;
        if (_byTopic.TryGetValue(message.Topic, out var bound) && bound is not null)
        {
            return bound;
        }

        // A declared mapping is more specific than the built-in shapes (a JSON log with "message" is also a json-log).
        if (!_mappings.IsEmpty && !FormatDetector.IsCloudEventsBinary(message) && _mappings.Find(message.Payload.Span) is { } mapped)
        {
            return mapped;
        }

        var format = FormatDetector.Detect(message, out var reason);
        if (format is null)
        {
            error = reason;
            return null;
        }

        if (_byFormat.TryGetValue(format, out var decoder))
        {
            return decoder;
        }

        error = $"detected format '{format}' but no decoder for it is registered";
        return null;
    }

    private string? CheckTimestamps(in InboundMessage message, List<TelemetryRecord> records, int start)
    {
        var reference = message.Timestamp ?? _timeProvider.GetUtcNow();
        var latest = reference + _options.MaxFutureSkew;
        for (var i = start; i < records.Count; i++)
        {
            var timestamp = records[i].Timestamp;
            if (timestamp < _options.MinTimestamp)
            {
                return $"record {i - start} has timestamp {timestamp:O}, before {_options.MinTimestamp:O} (wrong unit or unset?)";
            }

            if (timestamp > latest)
            {
                return $"record {i - start} has timestamp {timestamp:O}, more than {_options.MaxFutureSkew} after {reference:O}";
            }
        }

        return null;
    }
}
