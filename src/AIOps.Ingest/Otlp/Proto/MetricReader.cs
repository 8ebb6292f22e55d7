using AIOps.Core.Model;
using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// Metric (metrics.proto: name 1, gauge 5, sum 7, histogram 9, exponential_histogram 10, summary 11) to the
/// points <see cref="OtlpMetricsMapper"/> makes from OTLP/JSON. Each data message holds data_points = 1.
/// The name comes first on the wire (field order); data met before it is read in a second pass.
/// </summary>
internal sealed class MetricReader(byte[] buffer, DataPointReader point, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output) : ProtoMessageReader
{
    private const uint NameTag = (1 << 3) | OtlpWire.Len;
    private const uint DataPointTag = (1 << 3) | OtlpWire.Len;

    private readonly DataReader _data = new(point, fallbackTime, output);
    private OtlpResource _resource = OtlpResource.Empty;

    public void Read(CodedInputStream input, OtlpResource resource)
    {
        _resource = resource;
        input.ReadMessage(this);
    }

    public override void MergeFrom(CodedInputStream input)
    {
        var start = input.Position;
        string? name = null;
        var dataBeforeName = false;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == NameTag)
            {
                name = input.ReadString();
            }
            else if (DataPointReader.KindOf(tag) is { } kind && name is not null && !dataBeforeName)
            {
                _data.Read(input, kind, name, _resource.Labels);
            }
            else
            {
                dataBeforeName |= DataPointReader.KindOf(tag) is not null;
                input.SkipLastField();
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new OtlpProtoException("metric without a name");
        }

        if (dataBeforeName)
        {
            var again = OtlpWire.Reopen(buffer, start, input.Position);
            while ((tag = again.ReadTag()) != 0)
            {
                if (DataPointReader.KindOf(tag) is { } kind)
                {
                    _data.Read(again, kind, name, _resource.Labels);
                }
                else
                {
                    again.SkipLastField();
                }
            }
        }
    }

    protected override bool OnField(CodedInputStream input, uint tag) => false;

    /// <summary>Gauge, Sum, Histogram, ExponentialHistogram or Summary: every data point becomes one or more points.</summary>
    private sealed class DataReader(DataPointReader point, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output) : ProtoMessageReader
    {
        private string _name = string.Empty;

        public void Read(CodedInputStream input, MetricKind kind, string name, LabelSet resource)
        {
            _name = name;
            point.Kind = kind;
            point.Resource = resource;
            input.ReadMessage(this);
        }

        protected override bool OnField(CodedInputStream input, uint tag)
        {
            if (tag != DataPointTag)
            {
                return false;
            }

            input.ReadMessage(point);
            if ((point.Time ?? fallbackTime) is not { } time)
            {
                throw new OtlpProtoException($"metric '{_name}' has a data point without timeUnixNano and the message has no timestamp");
            }

            point.Emit(_name, time, output);
            return true;
        }
    }
}
