using System.Text;

namespace AIOps.Ingest.Influx;

/// <summary>Unescaping and splitting of the already validated sections of a line.</summary>
internal static class LineProtocolText
{
    /// <summary>Tag keys and values, field keys: a backslash before a comma, space, '=' or backslash is an escape; any other backslash is literal.</summary>
    public static string Name(ReadOnlySpan<byte> raw) => Unescape(raw, Context.Name);

    /// <summary>Measurements escape commas, spaces and backslashes only ("a\=b" keeps its backslash).</summary>
    public static string Measurement(ReadOnlySpan<byte> raw) => Unescape(raw, Context.Measurement);


    /// <summary>Finds the next unescaped <paramref name="separator"/> at or after <paramref name="start"/>, or -1.</summary>
    public static int IndexOfUnescaped(ReadOnlySpan<byte> span, int start, byte separator)
    {
        for (var i = start; i < span.Length; i++)
        {
            if (span[i] == (byte)'\\')
            {
                i++;
            }
            else if (span[i] == separator)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Ends after the closing quote of a string starting at <paramref name="start"/> (the opening quote).</summary>
    public static int EndOfQuoted(ReadOnlySpan<byte> span, int start)
    {
        for (var i = start + 1; i < span.Length; i++)
        {
            if (span[i] == (byte)'\\')
            {
                i++;
            }
            else if (span[i] == (byte)'"')
            {
                return i + 1;
            }
        }

        return span.Length;
    }

    private static string Unescape(ReadOnlySpan<byte> raw, Context context)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        Span<byte> buffer = raw.Length <= 256 ? stackalloc byte[raw.Length] : new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == (byte)'\\' && i + 1 < raw.Length && IsEscapable(raw[i + 1], context))
            {
                b = raw[++i];
            }

            buffer[length++] = b;
        }

        return Encoding.UTF8.GetString(buffer[..length]);
    }

    private static bool IsEscapable(byte next, Context context) => context switch
    {
        Context.Measurement => next is (byte)',' or (byte)' ' or (byte)'\\',
        _ => next is (byte)',' or (byte)' ' or (byte)'=' or (byte)'\\',
    };

    private enum Context
    {
        Name,
        Measurement,
    }
}
