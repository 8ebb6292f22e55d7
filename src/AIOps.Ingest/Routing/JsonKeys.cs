using System.Text.Json;

namespace AIOps.Ingest.Routing;

/// <summary>The top-level keys of a JSON object (or of an array's first object), plus the string values of kind and type.</summary>
internal struct JsonKeys
{
    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip };

    private List<string>? _keys;

    public readonly int Count => _keys?.Count ?? 0;

    public string? Kind { get; private set; }

    public string? Type { get; private set; }

    public readonly bool Has(string key) => _keys is not null && _keys.Contains(key, StringComparer.Ordinal);

    public readonly string Describe() => _keys is null ? string.Empty : string.Join(",", _keys.Take(12));

    /// <summary>Reads keys; the result holds what was read before any <see cref="JsonException"/>.</summary>
    public static JsonKeys Read(ReadOnlySpan<byte> payload, int maxKeys)
    {
        var keys = new JsonKeys { _keys = new List<string>(8) };
        var reader = new Utf8JsonReader(payload, Options);
        if (!reader.Read())
        {
            return keys;
        }

        if (reader.TokenType == JsonTokenType.StartArray && !reader.Read())
        {
            return keys;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return keys;
        }

        var depth = reader.CurrentDepth;
        try
        {
            while (keys._keys.Count < maxKeys && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                var name = reader.GetString()!;
                keys._keys.Add(name);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && name is "kind" or "type")
                {
                    if (name == "kind")
                    {
                        keys.Kind = reader.GetString();
                    }
                    else
                    {
                        keys.Type = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Keep what was read: a truncated tail or a broken string does not change the keys already seen.
        }

        return keys;
    }
}
