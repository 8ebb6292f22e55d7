using System.Globalization;

namespace AIOps.Ingest.Common;

/// <summary>Epoch and text timestamps to <see cref="DateTimeOffset"/> without exceptions on out-of-range input.</summary>
internal static class Timestamps
{
    private const long MaxTicksFromEpoch = 2_650_467_743_999_999_999L; // DateTime.MaxValue.Ticks - UnixEpoch.Ticks
    private const long MinTicksFromEpoch = -621_355_968_000_000_000L;  // -UnixEpoch.Ticks

    /// <summary>Epoch value times <paramref name="ticksPerUnit"/> (or divided, for nanoseconds) to UTC.</summary>
    public static bool TryFromUnix(long value, TimeUnit unit, out DateTimeOffset result)
    {
        result = default;
        long ticks;
        if (unit == TimeUnit.Nanoseconds)
        {
            ticks = value / 100;
        }
        else
        {
            var multiplier = unit switch
            {
                TimeUnit.Microseconds => 10L,
                TimeUnit.Milliseconds => TimeSpan.TicksPerMillisecond,
                TimeUnit.Seconds => TimeSpan.TicksPerSecond,
                TimeUnit.Minutes => TimeSpan.TicksPerMinute,
                _ => TimeSpan.TicksPerHour,
            };
            if (value > MaxTicksFromEpoch / multiplier || value < MinTicksFromEpoch / multiplier)
            {
                return false;
            }

            ticks = value * multiplier;
        }

        return TryFromTicks(ticks, out result);
    }

    /// <summary>Fractional epoch seconds (Fluent Bit's <c>date</c> and <c>@timestamp</c> doubles).</summary>
    public static bool TryFromUnixSeconds(double seconds, out DateTimeOffset result)
    {
        result = default;
        if (double.IsNaN(seconds) || seconds > MaxTicksFromEpoch / (double)TimeSpan.TicksPerSecond || seconds < MinTicksFromEpoch / (double)TimeSpan.TicksPerSecond)
        {
            return false;
        }

        return TryFromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond), out result);
    }

    /// <summary>An epoch number whose unit is guessed from its magnitude (s, ms, us or ns), as Telegraf's JSON allows any.</summary>
    public static bool TryFromUnixAuto(double value, out DateTimeOffset result)
    {
        var magnitude = Math.Abs(value);
        var seconds = magnitude switch
        {
            >= 1e17 => value / 1e9,
            >= 1e14 => value / 1e6,
            >= 1e11 => value / 1e3,
            _ => value,
        };
        return TryFromUnixSeconds(seconds, out result);
    }

    /// <summary>
    /// RFC 3339 / ISO 8601 text, any number of fractional digits (Go writes 9, Kubernetes 6). Digits beyond the
    /// 7 that a tick holds are truncated, not rounded, to agree with integer nanosecond timestamps.
    /// </summary>
    public static bool TryParseText(ReadOnlySpan<char> text, out DateTimeOffset result)
    {
        var dot = text.IndexOf('.');
        if (dot > 0 && text.Length <= 64)
        {
            var digits = 0;
            while (dot + 1 + digits < text.Length && char.IsAsciiDigit(text[dot + 1 + digits]))
            {
                digits++;
            }

            if (digits > 7)
            {
                Span<char> trimmed = stackalloc char[text.Length - (digits - 7)];
                text[..(dot + 8)].CopyTo(trimmed);
                text[(dot + 1 + digits)..].CopyTo(trimmed[(dot + 8)..]);
                return Parse(trimmed, out result);
            }
        }

        return Parse(text, out result);
    }

    private static bool Parse(ReadOnlySpan<char> text, out DateTimeOffset result) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out result);

    /// <summary>OTLP's decimal nanosecond strings ("1700000000000000000").</summary>
    public static bool TryParseUnixNanos(ReadOnlySpan<char> text, out DateTimeOffset result)
    {
        result = default;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nanos) &&
               TryFromUnix(nanos, TimeUnit.Nanoseconds, out result);
    }

    public static bool TryParseUnit(string? text, out TimeUnit unit)
    {
        unit = text switch
        {
            "ns" or "n" => TimeUnit.Nanoseconds,
            "us" or "u" or "µs" => TimeUnit.Microseconds,
            "ms" => TimeUnit.Milliseconds,
            "s" => TimeUnit.Seconds,
            "m" => TimeUnit.Minutes,
            "h" => TimeUnit.Hours,
            _ => (TimeUnit)(-1),
        };
        return unit >= 0;
    }

    private static bool TryFromTicks(long ticksFromEpoch, out DateTimeOffset result)
    {
        if (ticksFromEpoch > MaxTicksFromEpoch || ticksFromEpoch < MinTicksFromEpoch)
        {
            result = default;
            return false;
        }

        result = new DateTimeOffset(DateTimeOffset.UnixEpoch.Ticks + ticksFromEpoch, TimeSpan.Zero);
        return true;
    }
}
