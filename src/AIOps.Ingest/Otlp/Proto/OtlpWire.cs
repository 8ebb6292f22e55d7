using System.Globalization;
using AIOps.Ingest.Common;
using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>Wire types, the tags the OTLP messages share, and the scalar conversions.</summary>
internal static class OtlpWire
{
    // Wire types: 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32. A tag is (field << 3) | wire type.
    public const uint Varint = 0;
    public const uint Fixed64 = 1;
    public const uint Len = 2;
    public const uint Fixed32 = 5;

    /// <summary>AnyValue arrays and kvlists nested deeper than this are refused.</summary>
    public const int MaxDepth = 16;

    // ExportXServiceRequest and XData alike: repeated ResourceX resource_x = 1.
    public const uint ResourceEntryTag = (1 << 3) | Len;

    // ResourceX: resource = 1, scope_x = 2 (instrumentation_library_x = 1000 before OTLP 0.15).
    public const uint ResourceTag = (1 << 3) | Len;
    public const uint ScopeTag = (2 << 3) | Len;
    public const uint LegacyScopeTag = (1000 << 3) | Len;

    // ScopeX: metrics / log_records / spans = 2.
    public const uint ItemTag = (2 << 3) | Len;

    /// <summary>A fixed64 nanosecond timestamp; 0 (unset) and out-of-range values give null.</summary>
    public static DateTimeOffset? ReadTime(CodedInputStream input)
    {
        var nanos = input.ReadFixed64();
        return nanos is > 0 and <= long.MaxValue && Timestamps.TryFromUnix((long)nanos, TimeUnit.Nanoseconds, out var time) ? time : null;
    }

    /// <summary>A trace or span id (bytes) as lower-case hex, as OTLP/JSON writes it.</summary>
    public static string ReadId(CodedInputStream input)
    {
        var bytes = input.ReadBytes();
        return bytes.IsEmpty ? string.Empty : Convert.ToHexStringLower(bytes.Span);
    }

    public static string FormatDouble(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A stream over a range of the payload seen before, for the rare encoder that writes fields out of order.</summary>
    public static CodedInputStream Reopen(byte[] buffer, long start, long end) => new(buffer, checked((int)start), checked((int)(end - start)));
}
