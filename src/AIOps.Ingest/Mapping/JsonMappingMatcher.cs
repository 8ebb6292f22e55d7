using System.Text;
using System.Text.Json;

namespace AIOps.Ingest.Mapping;

/// <summary>
/// Finds the mapping whose <c>match</c> a JSON message satisfies, for topics bound to `auto`: one forward scan of
/// the first object's top-level fields, no document and no allocation. Mappings are tried in load order; the
/// first whose every condition holds wins.
/// </summary>
internal sealed class JsonMappingMatcher
{
    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private readonly JsonMappingDecoder[] _decoders;
    private readonly (byte[] Field, byte[]? Value)[][] _conditions;
    private readonly int _total;

    public JsonMappingMatcher(IEnumerable<JsonMappingDecoder> decoders)
    {
        _decoders = [.. decoders.Where(d => d.Mapping.Match.Count > 0)];
        _conditions = [.. _decoders.Select(d => d.Mapping.Match.Select(c => (Encoding.UTF8.GetBytes(c.Field), c.Value is null ? null : Encoding.UTF8.GetBytes(c.Value))).ToArray())];
        _total = _conditions.Sum(c => c.Length);
    }

    public bool IsEmpty => _decoders.Length == 0;

    public JsonMappingDecoder? Find(ReadOnlySpan<byte> payload)
    {
        if (IsEmpty || _total > 256)
        {
            return IsEmpty ? null : FindSlow(payload);
        }

        Span<bool> met = stackalloc bool[_total];
        return Scan(payload, met) ? Pick(met) : null;
    }

    private JsonMappingDecoder? FindSlow(ReadOnlySpan<byte> payload)
    {
        var met = new bool[_total];
        return Scan(payload, met) ? Pick(met) : null;
    }

    private bool Scan(ReadOnlySpan<byte> payload, Span<bool> met)
    {
        var reader = new Utf8JsonReader(payload, Options);
        try
        {
            if (!reader.Read() || (reader.TokenType == JsonTokenType.StartArray && !reader.Read()) || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var depth = reader.CurrentDepth;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                var property = reader;
                reader.Read();
                Mark(ref property, ref reader, met);
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A broken tail does not undo the fields already seen; the decoder reports the error itself.
        }

        return true;
    }

    private void Mark(ref Utf8JsonReader property, ref Utf8JsonReader value, Span<bool> met)
    {
        var slot = 0;
        foreach (var conditions in _conditions)
        {
            foreach (var (field, expected) in conditions)
            {
                if (!met[slot] && property.ValueTextEquals(field))
                {
                    met[slot] = expected is null || value.TokenType switch
                    {
                        JsonTokenType.String => value.ValueTextEquals(expected),
                        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => value.ValueSpan.SequenceEqual(expected),
                        _ => false,
                    };
                }

                slot++;
            }
        }
    }

    private JsonMappingDecoder? Pick(ReadOnlySpan<bool> met)
    {
        var slot = 0;
        for (var d = 0; d < _decoders.Length; d++)
        {
            var all = true;
            for (var c = 0; c < _conditions[d].Length; c++)
            {
                all &= met[slot + c];
            }

            if (all)
            {
                return _decoders[d];
            }

            slot += _conditions[d].Length;
        }

        return null;
    }
}
