using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// AnyValue (common.proto: string 1, bool 2, int 3, double 4, array 5, kvlist 6, bytes 7) as text, the way the
/// OTLP/JSON decoder renders it: scalars as their JSON text, arrays and kvlists as their OTLP/JSON.
/// </summary>
internal sealed class AnyValueReader : ProtoMessageReader
{
    public const uint StringTag = (1 << 3) | OtlpWire.Len;
    public const uint BoolTag = (2 << 3) | OtlpWire.Varint;
    public const uint IntTag = (3 << 3) | OtlpWire.Varint;
    public const uint DoubleTag = (4 << 3) | OtlpWire.Fixed64;
    public const uint ArrayTag = (5 << 3) | OtlpWire.Len;
    public const uint KvlistTag = (6 << 3) | OtlpWire.Len;
    public const uint BytesTag = (7 << 3) | OtlpWire.Len;

    // Attribute text keeps non-ASCII characters as they are, like the JSON decoder's raw text.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string? Text { get; private set; }

    public override void MergeFrom(CodedInputStream input)
    {
        Text = null;
        base.MergeFrom(input);
    }

    protected override bool OnField(CodedInputStream input, uint tag)
    {
        switch (tag)
        {
            case StringTag:
                Text = input.ReadString();
                return true;
            case BoolTag:
                Text = input.ReadBool() ? "true" : "false";
                return true;
            case IntTag:
                Text = input.ReadInt64().ToString(CultureInfo.InvariantCulture);
                return true;
            case DoubleTag:
                Text = OtlpWire.FormatDouble(input.ReadDouble());
                return true;
            case BytesTag:
                Text = input.ReadBytes().ToBase64();
                return true;
            case ArrayTag or KvlistTag:
                var buffer = new ArrayBufferWriter<byte>(128);
                using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
                {
                    input.ReadMessage(new JsonValuesReader(writer, tag == KvlistTag, depth: 1));
                }

                Text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
                return true;
            default:
                return false;
        }
    }
}
