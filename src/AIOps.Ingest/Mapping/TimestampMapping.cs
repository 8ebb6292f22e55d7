using System.Globalization;
using System.Text.Json;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Mapping;

/// <summary>
/// Where a mapped object's time is and how it is written: RFC 3339 text or an epoch number of any unit (the
/// default, unit inferred from magnitude), an explicit epoch unit, or a .NET custom date format (read as UTC when
/// the text carries no offset). Without the field the Kafka message timestamp is used.
/// </summary>
internal sealed class TimestampMapping(FieldPath? path, string? format)
{
    public const string Auto = "auto";

    /// <summary>Epoch units accepted in <c>format</c>, by name.</summary>
    public static readonly IReadOnlyDictionary<string, TimeUnit> EpochUnits = new Dictionary<string, TimeUnit>(StringComparer.OrdinalIgnoreCase)
    {
        ["unix_s"] = TimeUnit.Seconds,
        ["unix_ms"] = TimeUnit.Milliseconds,
        ["unix_us"] = TimeUnit.Microseconds,
        ["unix_ns"] = TimeUnit.Nanoseconds,
    };

    public static readonly TimestampMapping MessageTime = new(null, null);

    public FieldPath? Field => path;

    /// <summary>The object's time; null with a reason when the field is present but unreadable.</summary>
    public DateTimeOffset? Read(JsonElement obj, DateTimeOffset? messageTime, out string? error)
    {
        error = null;
        if (path is null || !path.TryResolve(obj, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (messageTime is null)
            {
                error = path is null ? "no timestamp: the message has none" : $"no timestamp: field '{path}' is missing and the message has none";
            }

            return messageTime;
        }

        if (TryParse(value, out var timestamp))
        {
            return timestamp;
        }

        error = $"field '{path}' = {Truncate(value.GetRawText())} is not a timestamp{(format is null ? string.Empty : $" in format '{format}'")}";
        return null;
    }

    private bool TryParse(JsonElement value, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (format is null || string.Equals(format, Auto, StringComparison.OrdinalIgnoreCase))
        {
            return Json.TryGetTimestamp(value, out timestamp);
        }

        if (EpochUnits.TryGetValue(format, out var unit))
        {
            if (!Json.TryGetDouble(value, out var number) || !double.IsFinite(number))
            {
                return false;
            }

            // Fractional seconds are common (1795795205.123); other units are integral in practice.
            return unit == TimeUnit.Seconds
                ? Timestamps.TryFromUnixSeconds(number, out timestamp)
                : number is >= long.MinValue and <= long.MaxValue && Timestamps.TryFromUnix((long)number, unit, out timestamp);
        }

        return value.ValueKind == JsonValueKind.String &&
               DateTimeOffset.TryParseExact(value.GetString(), format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
