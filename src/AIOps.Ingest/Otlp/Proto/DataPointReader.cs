using System.Buffers.Binary;
using AIOps.Core.Model;
using AIOps.Ingest.Common;
using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// NumberDataPoint, HistogramDataPoint, ExponentialHistogramDataPoint and SummaryDataPoint (metrics.proto). They
/// share time_unix_nano 3, and count 4 / sum 5 where they have them; attributes are 7, 9, 1 and 7. A count or sum
/// becomes a point when it is on the wire (protobuf and protojson both leave zero defaults out), as in the JSON
/// mapper. Labels are the resource's overlaid by the point's attributes.
/// </summary>
internal sealed class DataPointReader(KeyValueReader keyValue) : ProtoMessageReader
{
    private const uint TimeTag = (3 << 3) | OtlpWire.Fixed64;
    private const uint Field4Tag = (4 << 3) | OtlpWire.Fixed64; // as_double (number) or count
    private const uint SumTag = (5 << 3) | OtlpWire.Fixed64;
    private const uint AsIntTag = (6 << 3) | OtlpWire.Fixed64;
    private const uint BucketCountTag = (6 << 3) | OtlpWire.Fixed64;
    private const uint BucketCountsPackedTag = (6 << 3) | OtlpWire.Len;
    private const uint QuantileValuesTag = (6 << 3) | OtlpWire.Len;
    private const uint BoundTag = (7 << 3) | OtlpWire.Fixed64;
    private const uint BoundsPackedTag = (7 << 3) | OtlpWire.Len;
    private const uint Attributes7Tag = (7 << 3) | OtlpWire.Len;
    private const uint Attributes9Tag = (9 << 3) | OtlpWire.Len;
    private const uint Attributes1Tag = (1 << 3) | OtlpWire.Len;

    // Metric: gauge 5, sum 7, histogram 9, exponential_histogram 10, summary 11.
    private const uint GaugeTag = (5 << 3) | OtlpWire.Len;
    private const uint SumDataTag = (7 << 3) | OtlpWire.Len;
    private const uint HistogramTag = (9 << 3) | OtlpWire.Len;
    private const uint ExponentialHistogramTag = (10 << 3) | OtlpWire.Len;
    private const uint SummaryTag = (11 << 3) | OtlpWire.Len;

    private readonly List<KeyValuePair<string, string>> _attributes = [];
    private readonly List<double> _buckets = [];
    private readonly List<double> _bounds = [];
    private readonly List<(double Quantile, double Value)> _quantiles = [];
    private readonly QuantileReader _quantile = new();
    private double? _value;
    private double? _count;
    private double? _sum;

    public MetricKind Kind { get; set; }

    public LabelSet Resource { get; set; } = LabelSet.Empty;

    public DateTimeOffset? Time { get; private set; }

    /// <summary>The data kind a Metric field holds, or null for its other fields.</summary>
    public static MetricKind? KindOf(uint metricTag) => metricTag switch
    {
        GaugeTag or SumDataTag => MetricKind.Number,
        HistogramTag => MetricKind.Histogram,
        ExponentialHistogramTag => MetricKind.ExponentialHistogram,
        SummaryTag => MetricKind.Summary,
        _ => null,
    };

    public override void MergeFrom(CodedInputStream input)
    {
        Time = null;
        _value = _count = _sum = null;
        _buckets.Clear();
        _bounds.Clear();
        _quantiles.Clear();
        _attributes.Clear();
        for (var i = 0; i < Resource.Count; i++)
        {
            _attributes.Add(Resource[i]); // by index: AddRange would box the set's enumerator
        }

        base.MergeFrom(input);
    }

    /// <summary>Appends the points of the data point just read, in the JSON mapper's order.</summary>
    public void Emit(string name, DateTimeOffset time, ICollection<TelemetryRecord> output)
    {
        var labels = _attributes.Count == Resource.Count ? Resource : Labels.Build(_attributes);
        if (Kind == MetricKind.Number)
        {
            // A point with neither value is a "no recorded value" marker (staleness); it carries no sample.
            if (_value is { } value)
            {
                output.Add(MetricPoint.Create(name, labels, time, value));
            }

            return;
        }

        if (_count is { } count)
        {
            output.Add(MetricPoint.Create(name + "_count", labels, time, count));
        }

        if (_sum is { } sum)
        {
            output.Add(MetricPoint.Create(name + "_sum", labels, time, sum));
        }

        var cumulative = 0d;
        for (var i = 0; i < _buckets.Count; i++)
        {
            cumulative += _buckets[i];
            var le = i < _bounds.Count ? OtlpWire.FormatDouble(_bounds[i]) : "+Inf";
            output.Add(MetricPoint.Create(name + "_bucket", Labels.With(labels, "le", le), time, cumulative));
        }

        foreach (var (quantile, value) in _quantiles)
        {
            output.Add(MetricPoint.Create(name, Labels.With(labels, "quantile", OtlpWire.FormatDouble(quantile)), time, value));
        }
    }

    protected override bool OnField(CodedInputStream input, uint tag)
    {
        if (tag == TimeTag)
        {
            Time = OtlpWire.ReadTime(input);
            return true;
        }

        return Kind switch
        {
            MetricKind.Number => OnNumberField(input, tag),
            MetricKind.Histogram => OnHistogramField(input, tag),
            MetricKind.ExponentialHistogram => OnCountSumField(input, tag) || OnAttributes(input, tag, Attributes1Tag),
            _ => OnSummaryField(input, tag),
        };
    }

    private bool OnNumberField(CodedInputStream input, uint tag)
    {
        switch (tag)
        {
            case Field4Tag:
                _value = input.ReadDouble();
                return true;
            case AsIntTag:
                _value = input.ReadSFixed64();
                return true;
            default:
                return OnAttributes(input, tag, Attributes7Tag);
        }
    }

    private bool OnHistogramField(CodedInputStream input, uint tag)
    {
        switch (tag)
        {
            case BucketCountTag:
                _buckets.Add(input.ReadFixed64());
                return true;
            case BucketCountsPackedTag:
                foreach (var bits in Packed64(input))
                {
                    _buckets.Add(bits);
                }

                return true;
            case BoundTag:
                _bounds.Add(input.ReadDouble());
                return true;
            case BoundsPackedTag:
                foreach (var bits in Packed64(input))
                {
                    _bounds.Add(BitConverter.UInt64BitsToDouble(bits));
                }

                return true;
            default:
                return OnCountSumField(input, tag) || OnAttributes(input, tag, Attributes9Tag);
        }
    }

    private bool OnSummaryField(CodedInputStream input, uint tag)
    {
        if (tag == QuantileValuesTag)
        {
            input.ReadMessage(_quantile);
            if (_quantile.Value is { } value)
            {
                _quantiles.Add((_quantile.Quantile, value));
            }

            return true;
        }

        return OnCountSumField(input, tag) || OnAttributes(input, tag, Attributes7Tag);
    }

    private bool OnCountSumField(CodedInputStream input, uint tag)
    {
        switch (tag)
        {
            case Field4Tag:
                _count = input.ReadFixed64();
                return true;
            case SumTag:
                _sum = input.ReadDouble();
                return true;
            default:
                return false;
        }
    }

    private bool OnAttributes(CodedInputStream input, uint tag, uint attributesTag)
    {
        if (tag != attributesTag)
        {
            return false;
        }

        keyValue.ReadInto(input, _attributes);
        return true;
    }

    // A packed repeated fixed64/double: its bytes, eight little-endian bytes per value.
    private static IEnumerable<ulong> Packed64(CodedInputStream input)
    {
        var bytes = input.ReadBytes();
        if (bytes.Length % 8 != 0)
        {
            throw new OtlpProtoException($"packed fixed64 field of {bytes.Length} bytes is not a multiple of 8");
        }

        var values = new ulong[bytes.Length / 8];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Span[(i * 8)..]);
        }

        return values;
    }

    /// <summary>ValueAtQuantile: quantile 1, value 2 (doubles).</summary>
    private sealed class QuantileReader : ProtoMessageReader
    {
        private const uint QuantileTag = (1 << 3) | OtlpWire.Fixed64;
        private const uint ValueTag = (2 << 3) | OtlpWire.Fixed64;

        public double Quantile { get; private set; }

        public double? Value { get; private set; }

        public override void MergeFrom(CodedInputStream input)
        {
            Quantile = 0;
            Value = null;
            base.MergeFrom(input);
        }

        protected override bool OnField(CodedInputStream input, uint tag)
        {
            switch (tag)
            {
                case QuantileTag:
                    Quantile = input.ReadDouble();
                    return true;
                case ValueTag:
                    Value = input.ReadDouble();
                    return true;
                default:
                    return false;
            }
        }
    }
}
