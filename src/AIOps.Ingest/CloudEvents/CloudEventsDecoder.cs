using System.Text;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.CloudEvents;

/// <summary>
/// CloudEvents 1.0 (and 0.3) over Kafka, both content modes: structured (<c>application/cloudevents+json</c>, one
/// event or a batch array) and binary (attributes in <c>ce_*</c> headers, the data is the payload). The data is
/// dispatched by shape and type, see <see cref="CloudEventMapper"/>.
/// </summary>
internal sealed class CloudEventsDecoder : ITelemetryDecoder
{
    private static readonly HashSet<string> StructuredKnown = new(StringComparer.Ordinal)
    {
        "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data", "data_base64",
    };

    private readonly CloudEventMapper _mapper;

    /// <param name="inner">Looks up the decoder for a format the data turns out to be (e.g. an Alertmanager payload).</param>
    public CloudEventsDecoder(Func<string, ITelemetryDecoder?> inner) => _mapper = new CloudEventMapper(inner);

    public string Format => DecoderFormats.CloudEvents;

    public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var start = output.Count;
        string? error;
        try
        {
            error = FromHeaders(message) is { } binary ? _mapper.Map(binary, message, output) : DecodeStructured(message, output);
        }
        catch (InvalidOperationException ex)
        {
            error = "unexpected JSON shape: " + ex.Message;
        }

        if (error is not null)
        {
            OutputRollback.To(output, start);
            return DecodeResult.Fail(Format, error);
        }

        return DecodeResult.Ok(Format, output.Count - start);
    }

    private string? DecodeStructured(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        if (!Json.TryParse(message.Payload, out var document, out var parseError))
        {
            return parseError;
        }

        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        return $"batch[{index}] is not an object";
                    }

                    if (_mapper.Map(FromJson(item), message, output) is { } error)
                    {
                        return $"batch[{index}]: {error}";
                    }

                    index++;
                }

                return null;
            }

            return root.ValueKind == JsonValueKind.Object
                ? _mapper.Map(FromJson(root), message, output)
                : "structured CloudEvent is not a JSON object";
        }
    }

    private static CloudEvent FromJson(JsonElement root)
    {
        var e = new CloudEvent
        {
            SpecVersion = root.String("specversion"),
            Id = root.String("id"),
            Source = root.String("source"),
            Type = root.String("type"),
            Subject = root.String("subject"),
            Time = root.String("time"),
            DataContentType = root.String("datacontenttype"),
            Data = root.Child("data"),
        };
        if (root.Child("data_base64") is { ValueKind: JsonValueKind.String } base64 && base64.TryGetBytesFromBase64(out var bytes))
        {
            e.DataBytes = bytes;
        }

        foreach (var property in root.EnumerateObject())
        {
            var name = JsonTextCache.Name(property);
            if (!StructuredKnown.Contains(name) && Json.Scalar(property.Value) is { } value)
            {
                e.Extensions.Add(new(name, value));
            }
        }

        return e;
    }

    // Binary mode: ce_ prefixed headers (the Kafka protocol binding); ce- is accepted for HTTP-bridged messages.
    private static CloudEvent? FromHeaders(in InboundMessage message)
    {
        if (message.Headers.Count == 0 || (message.Header("ce_specversion") is null && message.Header("ce-specversion") is null))
        {
            return null;
        }

        var e = new CloudEvent { DataBytes = message.Payload.ToArray(), DataContentType = message.Header("content-type") };
        foreach (var (key, value) in message.Headers)
        {
            if (key.Length <= 3 || !(key.StartsWith("ce_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ce-", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(value);
            switch (key[3..].ToLowerInvariant())
            {
                case "specversion": e.SpecVersion = text; break;
                case "id": e.Id = text; break;
                case "source": e.Source = text; break;
                case "type": e.Type = text; break;
                case "subject": e.Subject = text; break;
                case "time": e.Time = text; break;
                default: e.Extensions.Add(new(key[3..].ToLowerInvariant(), text)); break;
            }
        }

        return e;
    }
}
