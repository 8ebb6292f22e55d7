using System.Globalization;
using System.Text.Json;
using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// ArrayValue or KeyValueList (values = 1) written as OTLP/JSON: <c>{"values":[{"stringValue":"a"},...]}</c> or
/// <c>{"values":[{"key":"k","value":{...}},...]}</c>. Nesting is bounded by <see cref="OtlpWire.MaxDepth"/>.
/// </summary>
internal sealed class JsonValuesReader(Utf8JsonWriter writer, bool keyValues, int depth) : ProtoMessageReader
{
    private const uint ValuesTag = (1 << 3) | OtlpWire.Len;
    private const uint KeyTag = (1 << 3) | OtlpWire.Len;
    private const uint ValueTag = (2 << 3) | OtlpWire.Len;

    public override void MergeFrom(CodedInputStream input)
    {
        if (depth > OtlpWire.MaxDepth)
        {
            throw new OtlpProtoException($"attribute value nested deeper than {OtlpWire.MaxDepth} levels");
        }

        writer.WriteStartObject();
        writer.WriteStartArray("values");
        base.MergeFrom(input);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    protected override bool OnField(CodedInputStream input, uint tag)
    {
        if (tag != ValuesTag)
        {
            return false;
        }

        input.ReadMessage(keyValues ? new KeyValueJson(writer, depth) : new AnyValueJson(writer, depth));
        return true;
    }

    private sealed class KeyValueJson(Utf8JsonWriter writer, int depth) : ProtoMessageReader
    {
        public override void MergeFrom(CodedInputStream input)
        {
            writer.WriteStartObject();
            base.MergeFrom(input);
            writer.WriteEndObject();
        }

        protected override bool OnField(CodedInputStream input, uint tag)
        {
            switch (tag)
            {
                case KeyTag:
                    writer.WriteString("key", input.ReadString());
                    return true;
                case ValueTag:
                    writer.WritePropertyName("value");
                    input.ReadMessage(new AnyValueJson(writer, depth));
                    return true;
                default:
                    return false;
            }
        }
    }

    private sealed class AnyValueJson(Utf8JsonWriter writer, int depth) : ProtoMessageReader
    {
        public override void MergeFrom(CodedInputStream input)
        {
            writer.WriteStartObject();
            base.MergeFrom(input);
            writer.WriteEndObject();
        }

        protected override bool OnField(CodedInputStream input, uint tag)
        {
            switch (tag)
            {
                case AnyValueReader.StringTag:
                    writer.WriteString("stringValue", input.ReadString());
                    return true;
                case AnyValueReader.BoolTag:
                    writer.WriteBoolean("boolValue", input.ReadBool());
                    return true;
                case AnyValueReader.IntTag:
                    // protojson writes 64-bit integers as strings.
                    writer.WriteString("intValue", input.ReadInt64().ToString(CultureInfo.InvariantCulture));
                    return true;
                case AnyValueReader.DoubleTag:
                    var number = input.ReadDouble();
                    if (double.IsFinite(number))
                    {
                        writer.WriteNumber("doubleValue", number);
                    }
                    else
                    {
                        writer.WriteString("doubleValue", double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                    }

                    return true;
                case AnyValueReader.BytesTag:
                    writer.WriteString("bytesValue", input.ReadBytes().ToBase64());
                    return true;
                case AnyValueReader.ArrayTag or AnyValueReader.KvlistTag:
                    writer.WritePropertyName(tag == AnyValueReader.KvlistTag ? "kvlistValue" : "arrayValue");
                    input.ReadMessage(new JsonValuesReader(writer, tag == AnyValueReader.KvlistTag, depth + 1));
                    return true;
                default:
                    return false;
            }
        }
    }
}
