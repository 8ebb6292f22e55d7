using System.Globalization;
using System.Text.Json;
using Google.Protobuf;

namespace AIOps.Ingest.Tests.Otlp;

/// <summary>
/// Test-side encoder: an OTLP/JSON request re-encoded as OTLP protobuf with Google.Protobuf's CodedOutputStream,
/// from a table of the published .proto field numbers, so the same sample can go through both decoders. Written
/// like proto3 encoders write: fields in the JSON's order, empty strings and ids left out, repeated numbers packed.
/// </summary>
internal static class OtlpJsonToProto
{
    private enum T
    {
        String,
        HexBytes,
        Base64Bytes,
        Bool,
        Int64,
        SInt32,
        UInt64,
        Enum,
        Fixed64,
        SFixed64,
        Fixed32,
        Double,
        Message,
    }

    private static readonly Dictionary<string, Dictionary<string, (int Number, T Type, string? Message)>> Schema = new()
    {
        ["Request"] = new() { ["resourceMetrics"] = (1, T.Message, "ResourceX"), ["resourceLogs"] = (1, T.Message, "ResourceX"), ["resourceSpans"] = (1, T.Message, "ResourceX") },
        ["ResourceX"] = new() { ["resource"] = (1, T.Message, "Resource"), ["scopeMetrics"] = (2, T.Message, "ScopeMetrics"), ["scopeLogs"] = (2, T.Message, "ScopeLogs"), ["scopeSpans"] = (2, T.Message, "ScopeSpans") },
        ["Resource"] = new() { ["attributes"] = (1, T.Message, "KeyValue"), ["droppedAttributesCount"] = (2, T.Int64, null) },
        ["Scope"] = new() { ["name"] = (1, T.String, null), ["version"] = (2, T.String, null), ["attributes"] = (3, T.Message, "KeyValue") },
        ["ScopeMetrics"] = new() { ["scope"] = (1, T.Message, "Scope"), ["metrics"] = (2, T.Message, "Metric"), ["schemaUrl"] = (3, T.String, null) },
        ["ScopeLogs"] = new() { ["scope"] = (1, T.Message, "Scope"), ["logRecords"] = (2, T.Message, "LogRecord"), ["schemaUrl"] = (3, T.String, null) },
        ["ScopeSpans"] = new() { ["scope"] = (1, T.Message, "Scope"), ["spans"] = (2, T.Message, "Span"), ["schemaUrl"] = (3, T.String, null) },
        ["KeyValue"] = new() { ["key"] = (1, T.String, null), ["value"] = (2, T.Message, "AnyValue") },
        ["AnyValue"] = new()
        {
            ["stringValue"] = (1, T.String, null), ["boolValue"] = (2, T.Bool, null), ["intValue"] = (3, T.Int64, null), ["doubleValue"] = (4, T.Double, null),
            ["arrayValue"] = (5, T.Message, "ArrayValue"), ["kvlistValue"] = (6, T.Message, "KeyValueList"), ["bytesValue"] = (7, T.Base64Bytes, null),
        },
        ["ArrayValue"] = new() { ["values"] = (1, T.Message, "AnyValue") },
        ["KeyValueList"] = new() { ["values"] = (1, T.Message, "KeyValue") },
        ["Metric"] = new()
        {
            ["name"] = (1, T.String, null), ["description"] = (2, T.String, null), ["unit"] = (3, T.String, null), ["gauge"] = (5, T.Message, "Gauge"), ["sum"] = (7, T.Message, "Sum"),
            ["histogram"] = (9, T.Message, "Histogram"), ["exponentialHistogram"] = (10, T.Message, "ExponentialHistogram"), ["summary"] = (11, T.Message, "Summary"),
        },
        ["Gauge"] = new() { ["dataPoints"] = (1, T.Message, "NumberDataPoint") },
        ["Sum"] = new() { ["dataPoints"] = (1, T.Message, "NumberDataPoint"), ["aggregationTemporality"] = (2, T.Enum, null), ["isMonotonic"] = (3, T.Bool, null) },
        ["Histogram"] = new() { ["dataPoints"] = (1, T.Message, "HistogramDataPoint"), ["aggregationTemporality"] = (2, T.Enum, null) },
        ["ExponentialHistogram"] = new() { ["dataPoints"] = (1, T.Message, "ExponentialHistogramDataPoint"), ["aggregationTemporality"] = (2, T.Enum, null) },
        ["Summary"] = new() { ["dataPoints"] = (1, T.Message, "SummaryDataPoint") },
        ["NumberDataPoint"] = new()
        {
            ["attributes"] = (7, T.Message, "KeyValue"), ["startTimeUnixNano"] = (2, T.Fixed64, null), ["timeUnixNano"] = (3, T.Fixed64, null),
            ["asDouble"] = (4, T.Double, null), ["asInt"] = (6, T.SFixed64, null), ["flags"] = (8, T.Int64, null),
        },
        ["HistogramDataPoint"] = new()
        {
            ["attributes"] = (9, T.Message, "KeyValue"), ["startTimeUnixNano"] = (2, T.Fixed64, null), ["timeUnixNano"] = (3, T.Fixed64, null), ["count"] = (4, T.Fixed64, null),
            ["sum"] = (5, T.Double, null), ["bucketCounts"] = (6, T.Fixed64, null), ["explicitBounds"] = (7, T.Double, null), ["flags"] = (10, T.Int64, null),
            ["min"] = (11, T.Double, null), ["max"] = (12, T.Double, null),
        },
        ["ExponentialHistogramDataPoint"] = new()
        {
            ["attributes"] = (1, T.Message, "KeyValue"), ["startTimeUnixNano"] = (2, T.Fixed64, null), ["timeUnixNano"] = (3, T.Fixed64, null), ["count"] = (4, T.Fixed64, null),
            ["sum"] = (5, T.Double, null), ["scale"] = (6, T.SInt32, null), ["zeroCount"] = (7, T.Fixed64, null), ["positive"] = (8, T.Message, "Buckets"),
            ["negative"] = (9, T.Message, "Buckets"), ["flags"] = (10, T.Int64, null), ["min"] = (12, T.Double, null), ["max"] = (13, T.Double, null),
        },
        ["Buckets"] = new() { ["offset"] = (1, T.SInt32, null), ["bucketCounts"] = (2, T.UInt64, null) },
        ["SummaryDataPoint"] = new()
        {
            ["attributes"] = (7, T.Message, "KeyValue"), ["startTimeUnixNano"] = (2, T.Fixed64, null), ["timeUnixNano"] = (3, T.Fixed64, null), ["count"] = (4, T.Fixed64, null),
            ["sum"] = (5, T.Double, null), ["quantileValues"] = (6, T.Message, "ValueAtQuantile"), ["flags"] = (8, T.Int64, null),
        },
        ["ValueAtQuantile"] = new() { ["quantile"] = (1, T.Double, null), ["value"] = (2, T.Double, null) },
        ["LogRecord"] = new()
        {
            ["timeUnixNano"] = (1, T.Fixed64, null), ["observedTimeUnixNano"] = (11, T.Fixed64, null), ["severityNumber"] = (2, T.Enum, null), ["severityText"] = (3, T.String, null),
            ["body"] = (5, T.Message, "AnyValue"), ["attributes"] = (6, T.Message, "KeyValue"), ["droppedAttributesCount"] = (7, T.Int64, null), ["flags"] = (8, T.Fixed32, null),
            ["traceId"] = (9, T.HexBytes, null), ["spanId"] = (10, T.HexBytes, null), ["eventName"] = (12, T.String, null),
        },
        ["Span"] = new()
        {
            ["traceId"] = (1, T.HexBytes, null), ["spanId"] = (2, T.HexBytes, null), ["traceState"] = (3, T.String, null), ["parentSpanId"] = (4, T.HexBytes, null),
            ["name"] = (5, T.String, null), ["kind"] = (6, T.Enum, null), ["startTimeUnixNano"] = (7, T.Fixed64, null), ["endTimeUnixNano"] = (8, T.Fixed64, null),
            ["attributes"] = (9, T.Message, "KeyValue"), ["status"] = (15, T.Message, "Status"), ["flags"] = (16, T.Fixed32, null),
        },
        ["Status"] = new() { ["message"] = (2, T.String, null), ["code"] = (3, T.Enum, null) },
    };

    private static readonly string[] SpanKinds = ["SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"];
    private static readonly string[] StatusCodes = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"];

    public static byte[] Convert(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Encode(document.RootElement, "Request");
    }

    private static byte[] Encode(JsonElement obj, string type)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        var fields = Schema[type];
        foreach (var property in obj.EnumerateObject())
        {
            var (number, fieldType, message) = fields[property.Name];
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                WriteRepeated(output, number, fieldType, message, property.Value);
            }
            else
            {
                WriteOne(output, number, fieldType, message, property.Value);
            }
        }

        output.Flush();
        return stream.ToArray();
    }

    private static void WriteRepeated(CodedOutputStream output, int number, T type, string? message, JsonElement array)
    {
        if (type is T.Message or T.String)
        {
            foreach (var item in array.EnumerateArray())
            {
                WriteOne(output, number, type, message, item);
            }

            return;
        }

        // Packed: one length-delimited run of the values.
        using var stream = new MemoryStream();
        var packed = new CodedOutputStream(stream);
        foreach (var item in array.EnumerateArray())
        {
            WriteScalar(packed, type, item);
        }

        packed.Flush();
        output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(stream.ToArray()));
    }

    private static void WriteOne(CodedOutputStream output, int number, T type, string? message, JsonElement value)
    {
        switch (type)
        {
            case T.Message:
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(Encode(value, message!)));
                return;
            case T.String or T.HexBytes or T.Base64Bytes:
                var text = value.GetString()!;
                if (text.Length == 0)
                {
                    return; // proto3 leaves empty strings and bytes out
                }

                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                if (type == T.String)
                {
                    output.WriteString(text);
                }
                else
                {
                    output.WriteBytes(ByteString.CopyFrom(type == T.HexBytes ? System.Convert.FromHexString(text) : System.Convert.FromBase64String(text)));
                }

                return;
            default:
                output.WriteTag(number, type switch
                {
                    T.Fixed64 or T.SFixed64 or T.Double => WireFormat.WireType.Fixed64,
                    T.Fixed32 => WireFormat.WireType.Fixed32,
                    _ => WireFormat.WireType.Varint,
                });
                WriteScalar(output, type, value);
                return;
        }
    }

    private static void WriteScalar(CodedOutputStream output, T type, JsonElement value)
    {
        switch (type)
        {
            case T.Bool:
                output.WriteBool(value.GetBoolean());
                break;
            case T.Int64:
                output.WriteInt64(Long(value));
                break;
            case T.SInt32:
                output.WriteSInt32((int)Long(value));
                break;
            case T.UInt64:
                output.WriteUInt64((ulong)Long(value));
                break;
            case T.Enum:
                output.WriteEnum(value.ValueKind == JsonValueKind.String ? EnumNumber(value.GetString()!) : value.GetInt32());
                break;
            case T.Fixed64:
                output.WriteFixed64((ulong)Long(value));
                break;
            case T.SFixed64:
                output.WriteSFixed64(Long(value));
                break;
            case T.Fixed32:
                output.WriteFixed32((uint)Long(value));
                break;
            case T.Double:
                output.WriteDouble(value.ValueKind == JsonValueKind.String
                    ? value.GetString() switch { "NaN" => double.NaN, "Infinity" => double.PositiveInfinity, "-Infinity" => double.NegativeInfinity, var s => double.Parse(s!, CultureInfo.InvariantCulture) }
                    : value.GetDouble());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    private static int EnumNumber(string name) => Math.Max(Array.IndexOf(SpanKinds, name), Array.IndexOf(StatusCodes, name));

    private static long Long(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();
}
