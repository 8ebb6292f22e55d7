using System.Text.Json;

namespace AIOps.Ingest.Common;

/// <summary>
/// The items of one JSON array (a whole, already validated slice), each as its first token's kind and its extent,
/// read with one <see cref="Utf8JsonReader"/> pass: the reader-side counterpart of <c>JsonElement.EnumerateArray</c>.
/// </summary>
internal ref struct JsonArrayItems
{
    private readonly ReadOnlyMemory<byte> _array;
    private Utf8JsonReader _reader;

    public JsonArrayItems(ReadOnlyMemory<byte> array)
    {
        _array = array;
        _reader = new Utf8JsonReader(array.Span, JsonFields.SliceOptions);
        _reader.Read(); // StartArray
    }

    public bool MoveNext(out JsonTokenType kind, out ReadOnlyMemory<byte> item)
    {
        if (!_reader.Read() || _reader.TokenType == JsonTokenType.EndArray)
        {
            kind = JsonTokenType.None;
            item = default;
            return false;
        }

        kind = _reader.TokenType;
        var start = (int)_reader.TokenStartIndex;
        _reader.Skip(); // a container to its end token; a scalar stays
        item = _array[start..(int)_reader.BytesConsumed];
        return true;
    }
}
