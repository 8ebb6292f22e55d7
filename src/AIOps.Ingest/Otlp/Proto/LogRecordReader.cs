using AIOps.Core.Model;
using AIOps.Ingest.Common;
using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// LogRecord (logs.proto: time_unix_nano 1, severity_number 2, severity_text 3, body 5, attributes 6, trace_id 9,
/// span_id 10, observed_time_unix_nano 11) to the <see cref="LogRecord"/> the OTLP/JSON mapper makes.
/// </summary>
internal sealed class LogRecordReader(KeyValueReader keyValue, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output) : ProtoMessageReader
{
    private const uint TimeTag = (1 << 3) | OtlpWire.Fixed64;
    private const uint SeverityNumberTag = (2 << 3) | OtlpWire.Varint;
    private const uint SeverityTextTag = (3 << 3) | OtlpWire.Len;
    private const uint BodyTag = (5 << 3) | OtlpWire.Len;
    private const uint AttributesTag = (6 << 3) | OtlpWire.Len;
    private const uint TraceIdTag = (9 << 3) | OtlpWire.Len;
    private const uint SpanIdTag = (10 << 3) | OtlpWire.Len;
    private const uint ObservedTimeTag = (11 << 3) | OtlpWire.Fixed64;

    private readonly AnyValueReader _body = new();
    private readonly List<KeyValuePair<string, string>> _items = [];
    private DateTimeOffset? _time;
    private DateTimeOffset? _observed;
    private long _severityNumber;
    private string? _severityText;
    private string? _text;
    private string? _traceId;
    private string? _spanId;

    public void Read(CodedInputStream input, OtlpResource resource)
    {
        _time = _observed = null;
        _severityNumber = 0;
        _severityText = _text = _traceId = _spanId = null;
        _items.Clear();
        input.ReadMessage(this);

        // timeUnixNano is optional; the collector's observed time stands in for it, as the spec says.
        if ((_time ?? _observed ?? fallbackTime) is not { } timestamp)
        {
            throw new OtlpProtoException("log record without timeUnixNano or observedTimeUnixNano, and the message has no timestamp");
        }

        if (!string.IsNullOrEmpty(_traceId))
        {
            _items.Add(new("trace_id", _traceId));
        }

        if (!string.IsNullOrEmpty(_spanId))
        {
            _items.Add(new("span_id", _spanId));
        }

        var attributes = Labels.Build(_items);
        var severity = OtlpSeverity.FromNumber(_severityNumber);
        output.Add(new LogRecord
        {
            Timestamp = timestamp,
            Resource = attributes.Count == 0
                ? resource.Entity
                : EntityResolver.FromLookup((attributes, resource.Labels), static (s, k) => s.Labels.Get(k) ?? s.attributes.Get(k)),
            Severity = severity != Severity.Unknown ? severity : SeverityParser.Parse(_severityText),
            Body = _text ?? string.Empty,
            Attributes = attributes,
        });
    }

    protected override bool OnField(CodedInputStream input, uint tag)
    {
        switch (tag)
        {
            case TimeTag:
                _time = OtlpWire.ReadTime(input);
                return true;
            case ObservedTimeTag:
                _observed = OtlpWire.ReadTime(input);
                return true;
            case SeverityNumberTag:
                _severityNumber = input.ReadInt64();
                return true;
            case SeverityTextTag:
                _severityText = input.ReadString();
                return true;
            case BodyTag:
                input.ReadMessage(_body);
                _text = _body.Text;
                return true;
            case AttributesTag:
                keyValue.ReadInto(input, _items);
                return true;
            case TraceIdTag:
                _traceId = OtlpWire.ReadId(input);
                return true;
            case SpanIdTag:
                _spanId = OtlpWire.ReadId(input);
                return true;
            default:
                return false;
        }
    }
}
