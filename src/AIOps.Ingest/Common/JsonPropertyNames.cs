using System.Runtime.InteropServices;
using System.Text.Json;

namespace AIOps.Ingest.Common;

/// <summary>
/// Property names as strings, decoded once: the same field names arrive message after message, so the strings are
/// cached by their raw UTF-8 bytes (bounded; cleared when full). The result equals <see cref="JsonProperty.Name"/>,
/// including its exception for a name that is not valid UTF-8 (such names are never cached).
/// </summary>
internal static class JsonPropertyNames
{
    private const int Capacity = 4096;

    private static readonly Utf8KeyCache<string> Cache = new(Capacity);

    public static string NameOf(JsonProperty property)
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
}
