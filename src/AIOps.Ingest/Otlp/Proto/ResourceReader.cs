using AIOps.Core.Model;
using AIOps.Ingest.Common;
using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>Resource (resource.proto: attributes = 1) to labels.</summary>
internal sealed class ResourceReader(KeyValueReader keyValue) : ProtoMessageReader
{
    private const uint AttributesTag = (1 << 3) | OtlpWire.Len;

    private readonly List<KeyValuePair<string, string>> _items = [];

    public LabelSet Read(CodedInputStream input)
    {
        _items.Clear();
        input.ReadMessage(this);
        return Labels.Build(_items);
    }

    protected override bool OnField(CodedInputStream input, uint tag)
    {
        if (tag != AttributesTag)
        {
            return false;
        }

        keyValue.ReadInto(input, _items);
        return true;
    }
}
