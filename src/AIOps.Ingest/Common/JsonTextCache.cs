using System.Runtime.InteropServices;
using System.Text.Json;

namespace AIOps.Ingest.Common;

/// <summary>
/// Low-cardinality JSON text (property names, OTLP attribute keys) as strings, decoded once: the same names arrive
/// message after message, so the strings are cached by their raw UTF-8 bytes (bounded; cleared when full). Results
/// equal <see cref="JsonProperty.Name"/> and <see cref="Json.Scalar"/>, including their exception for text that is
/// not valid UTF-8 (such text is never cached). Not for values like log bodies: unique text would churn the cache.
/// </summary>
internal static class JsonTextCache
{
    private const int Capacity = 4096;

    private static readonly Utf8KeyCache<string> Cache = new(Capacity);

    /// <summary>The property's name, as <see cref="JsonProperty.Name"/>.</summary>
    public static string Name(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (Cache.TryGet(raw, out var name))
        {
            return name;
        }

        name = property.Name;
        Cache.Add(raw, name);
        return name;
    }

    /// <summary>A quoted JSON string token (a name or a string value, quotes included) as its text.</summary>
    public static string Text(ReadOnlySpan<byte> quoted)
    {
        if (Cache.TryGet(quoted, out var text))
        {
            return text;
        }

        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        text = reader.GetString()!;
        Cache.Add(quoted, text);
        return text;
    }

    /// <summary>A scalar as text, as <see cref="Json.Scalar"/>; strings come from the cache.</summary>
    public static string? Scalar(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Json.Scalar(value);
        }

        // Names and values share the cache: the same raw bytes decode to the same text either way.
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (Cache.TryGet(raw, out var text))
        {
            return text;
        }

        text = value.GetString()!;
        Cache.Add(raw, text);
        return text;
    }
}
