using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// KeyValue (key = 1, value = 2): appended to <see cref="Target"/> when it has a key and a value, as the JSON
/// decoder keeps attributes. Also reads a Resource, whose attributes are field 1, via <see cref="ResourceReader"/>.
/// </summary>
internal sealed class KeyValueReader : ProtoMessageReader
{
    private const uint KeyTag = (1 << 3) | OtlpWire.Len;
    private const uint ValueTag = (2 << 3) | OtlpWire.Len;

    private readonly AnyValueReader _value = new();
    private string? _key;
    private string? _text;

    public List<KeyValuePair<string, string>> Target { get; set; } = [];

    public override void MergeFrom(CodedInputStream input)
    {
        _key = null;
        _text = null;
        base.MergeFrom(input);
        if (!string.IsNullOrEmpty(_key) && _text is not null)
        {
            Target.Add(new(_key, _text));
        }
    }

    /// <summary>Reads the KeyValue at the stream's position into <paramref name="target"/>.</summary>
    public void ReadInto(CodedInputStream input, List<KeyValuePair<string, string>> target)
    {
        Target = target;
        input.ReadMessage(this);
    }

    protected override bool OnField(CodedInputStream input, uint tag)
    {
        switch (tag)
        {
            case KeyTag:
                _key = input.ReadString();
                return true;
            case ValueTag:
                input.ReadMessage(_value);
                _text = _value.Text;
                return true;
            default:
                return false;
        }
    }
}
