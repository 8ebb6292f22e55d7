using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Ingest.Common;
using AIOps.Ingest.Otlp.Proto;

namespace AIOps.Ingest.Otlp;

/// <summary>OTLP/JSON building blocks: AnyValue, KeyValue lists and the decimal-string 64-bit integers.</summary>
internal static class OtlpJson
{
    private const int ResourceCacheCapacity = 1024;

    private static readonly Utf8KeyCache<OtlpResource> Resources = new(ResourceCacheCapacity);

    /// <summary>An AnyValue rendered as text (arrays and maps as their JSON).</summary>
    public static string? AnyValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in value.EnumerateObject())
        {
            return JsonTextCache.Name(property) switch
            {
                "stringValue" or "intValue" or "doubleValue" or "boolValue" or "bytesValue" => Json.Scalar(property.Value),
                "arrayValue" or "kvlistValue" => property.Value.GetRawText(),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>Appends <c>[{"key":..,"value":{..}}]</c> attributes to <paramref name="items"/>.</summary>
    public static void AddAttributes(JsonElement owner, List<KeyValuePair<string, string>> items)
    {
        foreach (var attribute in owner.Array("attributes")?.EnumerateArraySafe() ?? [])
        {
            if (attribute.Child("key") is { } keyElement && JsonTextCache.Scalar(keyElement) is { Length: > 0 } key &&
                attribute.Child("value") is { } value && AnyValue(value) is { } text)
            {
                items.Add(new(key, text));
            }
        }
    }

    public static LabelSet Attributes(JsonElement owner)
    {
        var items = Labels.Rent();
        AddAttributes(owner, items);
        return Labels.BuildAndReturn(items);
    }

    /// <summary>
    /// The resource of a resourceMetrics/resourceLogs/resourceSpans entry: its attributes and entity. An exporter
    /// repeats the same resource in every request, so each distinct resource text is built once (the result depends
    /// on nothing else; text that fails to decode is never cached).
    /// </summary>
    public static OtlpResource Resource(JsonElement block)
    {
        if (block.Object("resource") is not { } resource)
        {
            return OtlpResource.Empty;
        }

        var raw = JsonMarshal.GetRawUtf8Value(resource);
        if (Resources.TryGet(raw, out var cached))
        {
            return cached;
        }

        var built = new OtlpResource(Attributes(resource));
        Resources.Add(raw, built);
        return built;
    }

    /// <summary>Merges point attributes over resource attributes (the point's win).</summary>
    public static LabelSet Merge(LabelSet resource, JsonElement owner)
    {
        var items = Labels.Rent();
        for (var i = 0; i < resource.Count; i++)
        {
            items.Add(resource[i]);
        }

        AddAttributes(owner, items);
        if (items.Count == resource.Count)
        {
            Labels.Return(items);
            return resource;
        }

        return Labels.BuildAndReturn(items);
    }

    /// <summary>A fixed64/uint64 (a decimal string in OTLP/JSON, or a plain number) as nanoseconds since the epoch.</summary>
    public static DateTimeOffset? UnixNanos(JsonElement owner, string name)
    {
        if (owner.Child(name) is not { } value)
        {
            return null;
        }

        long nanos;
        if (value.ValueKind == JsonValueKind.String)
        {
            if (!long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out nanos))
            {
                return null;
            }
        }
        else if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out nanos))
        {
            return null;
        }

        return nanos > 0 && Timestamps.TryFromUnix(nanos, TimeUnit.Nanoseconds, out var time) ? time : null;
    }

    /// <summary>A number that may be written as a string (int64, or protojson's "NaN"/"Infinity").</summary>
    public static double? Number(JsonElement owner, string name) =>
        owner.Child(name) is { } value && Json.TryGetDouble(value, out var number) && value.ValueKind != JsonValueKind.True && value.ValueKind != JsonValueKind.False ? number : null;

    /// <summary>An enum written as its number or its name (e.g. 3 or "SPAN_KIND_CLIENT").</summary>
    public static int Enum(JsonElement owner, string name, string[] names)
    {
        if (owner.Child(name) is not { } value)
        {
            return 0;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String ? Math.Max(0, Array.IndexOf(names, value.GetString())) : 0;
    }
}
