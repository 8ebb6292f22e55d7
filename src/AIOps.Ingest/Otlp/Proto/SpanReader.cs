using AIOps.Core.Model;
using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// Span (trace.proto: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, start 7, end 8, attributes 9,
/// status 15 with code 3) to the <see cref="SpanRecord"/> the OTLP/JSON mapper makes; client and producer spans
/// name their peer from peer.service, server.address, net.peer.name, ... (first present).
/// </summary>
internal sealed class SpanReader(KeyValueReader keyValue, ICollection<TelemetryRecord> output) : ProtoMessageReader
{
    private const uint TraceIdTag = (1 << 3) | OtlpWire.Len;
    private const uint SpanIdTag = (2 << 3) | OtlpWire.Len;
    private const uint ParentSpanIdTag = (4 << 3) | OtlpWire.Len;
    private const uint NameTag = (5 << 3) | OtlpWire.Len;
    private const uint KindTag = (6 << 3) | OtlpWire.Varint;
    private const uint StartTag = (7 << 3) | OtlpWire.Fixed64;
    private const uint EndTag = (8 << 3) | OtlpWire.Fixed64;
    private const uint AttributesTag = (9 << 3) | OtlpWire.Len;
    private const uint StatusTag = (15 << 3) | OtlpWire.Len;

    private readonly StatusReader _status = new();
    private readonly List<KeyValuePair<string, string>> _attributes = [];
    private string? _traceId;
    private string? _spanId;
    private string? _parentSpanId;
    private string? _name;
    private long _kind;
    private long _statusCode;
    private DateTimeOffset? _start;
    private DateTimeOffset? _end;

    public void Read(CodedInputStream input, OtlpResource resource)
    {
        _traceId = _spanId = _parentSpanId = _name = null;
        _kind = _statusCode = 0;
        _start = _end = null;
        _attributes.Clear();
        input.ReadMessage(this);
        if (string.IsNullOrEmpty(_traceId) || string.IsNullOrEmpty(_spanId))
        {
            throw new OtlpProtoException("span without traceId or spanId");
        }

        if (_start is not { } start)
        {
            throw new OtlpProtoException($"span {_spanId} has no startTimeUnixNano");
        }

        var end = _end ?? start;
        output.Add(new SpanRecord
        {
            Timestamp = start,
            Resource = resource.Entity,
            TraceId = _traceId,
            SpanId = _spanId,
            ParentSpanId = string.IsNullOrEmpty(_parentSpanId) ? null : _parentSpanId,
            Service = resource.Service,
            Operation = _name ?? string.Empty,
            Duration = end > start ? end - start : TimeSpan.Zero,
            IsError = _statusCode == OtlpLogsAndSpansMapper.ErrorStatus,
            PeerService = _kind is OtlpLogsAndSpansMapper.ClientKind or OtlpLogsAndSpansMapper.ProducerKind ? Peer() : null,
        });
    }

    protected override bool OnField(CodedInputStream input, uint tag)
    {
        switch (tag)
        {
            case TraceIdTag:
                _traceId = OtlpWire.ReadId(input);
                return true;
            case SpanIdTag:
                _spanId = OtlpWire.ReadId(input);
                return true;
            case ParentSpanIdTag:
                _parentSpanId = OtlpWire.ReadId(input);
                return true;
            case NameTag:
                _name = input.ReadString();
                return true;
            case KindTag:
                _kind = input.ReadInt64();
                return true;
            case StartTag:
                _start = OtlpWire.ReadTime(input);
                return true;
            case EndTag:
                _end = OtlpWire.ReadTime(input);
                return true;
            case AttributesTag:
                keyValue.ReadInto(input, _attributes);
                return true;
            case StatusTag:
                input.ReadMessage(_status);
                _statusCode = _status.Code;
                return true;
            default:
                return false;
        }
    }

    // The first peer key with a value; a key given twice keeps its last value, as in a LabelSet.
    private string? Peer()
    {
        foreach (var key in OtlpLogsAndSpansMapper.PeerKeys)
        {
            for (var i = _attributes.Count - 1; i >= 0; i--)
            {
                if (string.Equals(_attributes[i].Key, key, StringComparison.Ordinal))
                {
                    if (_attributes[i].Value.Length > 0)
                    {
                        return _attributes[i].Value;
                    }

                    break;
                }
            }
        }

        return null;
    }

    /// <summary>Status: code 3 (0 unset, 1 ok, 2 error).</summary>
    private sealed class StatusReader : ProtoMessageReader
    {
        private const uint CodeTag = (3 << 3) | OtlpWire.Varint;

        public long Code { get; private set; }

        public override void MergeFrom(CodedInputStream input)
        {
            Code = 0;
            base.MergeFrom(input);
        }

        protected override bool OnField(CodedInputStream input, uint tag)
        {
            if (tag != CodeTag)
            {
                return false;
            }

            Code = input.ReadInt64();
            return true;
        }
    }
}
