using AIOps.Core.Ports;
using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// Tells metrics, logs and traces apart. The three requests are the same down to the item message
/// (request.1 -> ResourceX.2 -> ScopeX.2), so the first items' own fields decide: a Span has a fixed64 start
/// time (7), a varint kind (6), a status (15); a LogRecord a fixed64 time (1 or 11) or a varint severity (2);
/// a Metric only length-delimited fields, its name (1) among them. The topic name (the kafkaexporter's
/// otlp_metrics / otlp_logs / otlp_spans, or telemetry.*) decides only when the items' fields do not.
/// </summary>
internal static class OtlpSignalClassifier
{
    private const int MaxItemsScanned = 16;

    public static OtlpSignal Classify(byte[] buffer, int offset, int length, in InboundMessage message)
    {
        var state = new State();
        var item = new ItemClassifier(state);
        var scope = new Descend(state, OtlpWire.ItemTag, OtlpWire.ItemTag, item);
        var block = new Descend(state, OtlpWire.ScopeTag, OtlpWire.LegacyScopeTag, scope);
        var request = new Descend(state, OtlpWire.ResourceEntryTag, OtlpWire.ResourceEntryTag, block);
        request.MergeFrom(new CodedInputStream(buffer, offset, length));
        if (state.Decisive is { } decisive)
        {
            return decisive;
        }

        if (state.Scanned == 0)
        {
            return OtlpSignal.Unknown;
        }

        return FromTopic(message.Topic) is var hinted and not OtlpSignal.Unknown ? hinted : state.Guess;
    }

    private static OtlpSignal FromTopic(string topic)
    {
        if (topic.Contains("metric", StringComparison.OrdinalIgnoreCase))
        {
            return OtlpSignal.Metrics;
        }

        if (topic.Contains("span", StringComparison.OrdinalIgnoreCase) || topic.Contains("trace", StringComparison.OrdinalIgnoreCase))
        {
            return OtlpSignal.Traces;
        }

        return topic.Contains("log", StringComparison.OrdinalIgnoreCase) ? OtlpSignal.Logs : OtlpSignal.Unknown;
    }

    private sealed class State
    {
        public int Scanned;
        public OtlpSignal? Decisive;
        public OtlpSignal Guess;

        public bool Done => Decisive is not null || Scanned >= MaxItemsScanned;
    }

    /// <summary>Goes down into the fields with one of two tags until the state is decided; skips everything else.</summary>
    private sealed class Descend(State state, uint tag1, uint tag2, IMessage child) : ProtoMessageReader
    {
        protected override bool OnField(CodedInputStream input, uint tag)
        {
            if (state.Done || (tag != tag1 && tag != tag2))
            {
                return false;
            }

            input.ReadMessage(child);
            return true;
        }
    }

    private sealed class ItemClassifier(State state) : ProtoMessageReader
    {
        private OtlpSignal _signal;
        private bool _name;
        private bool _otherLen;

        public override void MergeFrom(CodedInputStream input)
        {
            _signal = OtlpSignal.Unknown;
            _name = _otherLen = false;
            base.MergeFrom(input);
            state.Scanned++;
            if (_signal != OtlpSignal.Unknown)
            {
                state.Decisive = _signal;
            }
            else if (state.Guess == OtlpSignal.Unknown)
            {
                // A Metric always has its name (1); a log record with only a body and attributes has no field 1.
                state.Guess = _name ? OtlpSignal.Metrics : _otherLen ? OtlpSignal.Logs : OtlpSignal.Unknown;
            }
        }

        protected override bool OnField(CodedInputStream input, uint tag)
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            var wire = tag & 7;
            if (_signal == OtlpSignal.Unknown)
            {
                _signal = (field, wire) switch
                {
                    (7 or 8, OtlpWire.Fixed64) or (6 or 10 or 12 or 14, OtlpWire.Varint) or (4 or 13 or 15, OtlpWire.Len) or (16, OtlpWire.Fixed32) => OtlpSignal.Traces,
                    (1 or 11, OtlpWire.Fixed64) or (2 or 7, OtlpWire.Varint) or (6, OtlpWire.Len) or (8, OtlpWire.Fixed32) => OtlpSignal.Logs,
                    _ => OtlpSignal.Unknown,
                };
            }

            _name |= field == 1 && wire == OtlpWire.Len;
            _otherLen |= field != 1 && wire == OtlpWire.Len;
            return false;
        }
    }
}
