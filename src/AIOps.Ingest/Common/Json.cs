using System.Globalization;
using System.Text.Json;
using AIOps.Core.Model;

namespace AIOps.Ingest.Common;

/// <summary>Tolerant accessors over <see cref="JsonElement"/>: a wrong type reads as absent instead of throwing.</summary>
internal static class Json
{
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static bool TryParse(ReadOnlyMemory<byte> utf8, out JsonDocument? document, out string? error)
    {
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            document = null;
            error = "invalid JSON: " + ex.Message;
            return false;
        }
    }

    /// <summary>The items of an array, or none for any other kind (never throws).</summary>
    public static IEnumerable<JsonElement> EnumerateArraySafe(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];

    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? Array(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    /// <summary>A string property, or a number/bool rendered as text; null otherwise.</summary>
    public static string? String(this JsonElement element, string name) =>
        element.Child(name) is { } value ? Scalar(value) : null;

    /// <summary>The first present, non-empty string among <paramref name="names"/>.</summary>
    public static string? FirstString(this JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            var value = element.String(name);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static bool TryGetDouble(JsonElement value, out double result)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetDouble(out result);
            case JsonValueKind.String:
                return TryParseDouble(value.GetString(), out result);
            case JsonValueKind.True:
                result = 1;
                return true;
            case JsonValueKind.False:
                result = 0;
                return true;
            default:
                result = 0;
                return false;
        }
    }

    /// <summary>Prometheus' text forms: decimal, exponent, NaN, +Inf, -Inf (any case), as the adapter writes them.</summary>
    public static bool TryParseDouble(string? text, out double result)
    {
        result = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        switch (text.ToLowerInvariant())
        {
            case "nan":
                result = double.NaN;
                return true;
            case "+inf" or "inf" or "+infinity" or "infinity":
                result = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                result = double.NegativeInfinity;
                return true;
        }

        var first = text[0];
        return (char.IsAsciiDigit(first) || first is '-' or '+' or '.') &&
               double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>A timestamp that is RFC 3339 text, or epoch seconds as a number or numeric text.</summary>
    public static bool TryGetTimestamp(JsonElement value, out DateTimeOffset result)
    {
        result = default;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetDouble(out var number) && Timestamps.TryFromUnixAuto(number, out result);
            case JsonValueKind.String:
                return TryParseTimestamp(value.GetString(), out result);
            default:
                return false;
        }
    }

    /// <summary>A timestamp written as a JSON string: RFC 3339 text, or epoch seconds as numeric text.</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset result)
    {
        result = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            return Timestamps.TryFromUnixAuto(epoch, out result);
        }

        return Timestamps.TryParseText(text, out result);
    }

    public static bool TryGetTimestamp(this JsonElement element, string name, out DateTimeOffset result)
    {
        result = default;
        return element.Child(name) is { } value && TryGetTimestamp(value, out result);
    }

    /// <summary>An object of scalars as labels (nested objects and arrays are skipped); empty when absent.</summary>
    public static LabelSet Labels(this JsonElement element, string name) =>
        element.Object(name) is { } obj ? ToLabels(obj, skip: null) : LabelSet.Empty;

    public static LabelSet ToLabels(JsonElement obj, string? skip)
    {
        var items = Common.Labels.Rent();
        AddScalars(obj, items, prefix: null, skip);
        return Common.Labels.BuildAndReturn(items);
    }

    public static void AddScalars(JsonElement obj, List<KeyValuePair<string, string>> items, string? prefix, string? skip)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (skip is not null && property.NameEquals(skip))
            {
                continue;
            }

            var value = Scalar(property.Value);
            if (value is not null)
            {
                var name = JsonTextCache.Name(property);
                items.Add(new(prefix is null ? name : prefix + name, value));
            }
        }
    }
}
