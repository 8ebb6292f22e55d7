using System.Globalization;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Syslog;

/// <summary>
/// Parses one syslog message: RFC 5424 (<c>&lt;PRI&gt;1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG</c>), RFC 3164
/// (<c>&lt;PRI&gt;Mmm dd hh:mm:ss HOST TAG[PID]: MSG</c>), and rsyslog's forward format, which is 3164 with an
/// RFC 3339 timestamp. Without a PRI (rsyslog file formats) the line must start with a timestamp.
/// RFC 3164 has no year or zone: the year is the reference's (the previous one when that would put the line more
/// than a month ahead, across New Year) and the zone is UTC.
/// </summary>
internal static class SyslogParser
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static SyslogLine? Parse(string text, DateTimeOffset reference, out string? error)
    {
        error = null;
        var pos = 0;
        int? priority = null;
        if (text.StartsWith('<'))
        {
            var close = text.IndexOf('>', StringComparison.Ordinal);
            if (close is < 2 or > 4 || !int.TryParse(text.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pri) || pri > 191)
            {
                error = "invalid <PRI> (expected <0> to <191>)";
                return null;
            }

            priority = pri;
            pos = close + 1;
        }

        if (pos + 2 < text.Length && text[pos] is >= '1' and <= '9' && text[pos + 1] == ' ')
        {
            return Parse5424(text, pos + 2, priority, out error);
        }

        var line = Parse3164(text, pos, priority, reference);
        if (priority is null && line.Timestamp is null)
        {
            error = "not syslog: no <PRI> and no leading timestamp";
            return null;
        }

        return line;
    }

    private static SyslogLine? Parse5424(string text, int pos, int? priority, out string? error)
    {
        error = null;
        var fields = new string?[5];
        for (var i = 0; i < fields.Length; i++)
        {
            var end = text.IndexOf(' ', pos);
            if (end < 0)
            {
                error = "RFC 5424 header is incomplete (timestamp, host, app, procid, msgid, structured data)";
                return null;
            }

            var token = text[pos..end];
            fields[i] = token == "-" ? null : token;
            pos = end + 1;
        }

        DateTimeOffset? timestamp = null;
        if (fields[0] is { } rawTime)
        {
            if (!Timestamps.TryParseText(rawTime, out var parsed))
            {
                error = $"invalid RFC 5424 timestamp '{rawTime}'";
                return null;
            }

            timestamp = parsed;
        }

        var sd = new List<KeyValuePair<string, string>>();
        if (pos < text.Length && text[pos] == '-')
        {
            pos++;
        }
        else if (!StructuredData.TryParse(text, ref pos, sd, out error))
        {
            return null;
        }

        if (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }

        var message = text[pos..].TrimStart('\uFEFF');
        return new SyslogLine(priority, timestamp, fields[1], fields[2], fields[3], fields[4], sd, message);
    }

    private static SyslogLine Parse3164(string text, int pos, int? priority, DateTimeOffset reference)
    {
        var timestamp = ReadTimestamp3164(text, ref pos, reference);
        string? host = null;
        if (timestamp is not null)
        {
            // HOSTNAME, unless the next token is already the tag ("su:" or "cron[12]:").
            var end = text.IndexOf(' ', pos);
            if (end > pos)
            {
                var token = text.AsSpan(pos, end - pos);
                if (!token.EndsWith(":") && token.IndexOf('[') < 0)
                {
                    host = token.ToString();
                    pos = end + 1;
                }
            }
        }

        string? app = null;
        string? procId = null;
        var colon = text.IndexOf(": ", pos, StringComparison.Ordinal);
        if (colon < 0 && text.EndsWith(':'))
        {
            colon = text.Length - 1;
        }

        if (colon > pos && colon - pos <= 64 && text.AsSpan(pos, colon - pos).IndexOf(' ') < 0)
        {
            var tag = text.AsSpan(pos, colon - pos);
            var bracket = tag.IndexOf('[');
            if (bracket > 0 && tag.EndsWith("]"))
            {
                procId = tag[(bracket + 1)..^1].ToString();
                tag = tag[..bracket];
            }

            app = tag.ToString();
            pos = Math.Min(colon + 2, text.Length);
        }

        return new SyslogLine(priority, timestamp, host, app, procId, null, [], text[pos..]);
    }

    // "Oct 11 22:14:15 " / "Oct  1 02:04:05 " (3164), or an RFC 3339 token (rsyslog's forward format).
    private static DateTimeOffset? ReadTimestamp3164(string text, ref int pos, DateTimeOffset reference)
    {
        if (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            var end = text.IndexOf(' ', pos);
            end = end < 0 ? text.Length : end;
            if (Timestamps.TryParseText(text.AsSpan(pos, end - pos), out var rfc3339))
            {
                pos = Math.Min(end + 1, text.Length);
                return rfc3339;
            }

            return null;
        }

        if (pos + 16 > text.Length || text[pos + 15] != ' ')
        {
            return null;
        }

        var month = Array.IndexOf(Months, text.Substring(pos, 3)) + 1;
        var s = text.AsSpan(pos + 4, 11);
        if (month == 0 || text[pos + 3] != ' ' ||
            !int.TryParse(s[..2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day) ||
            !TimeSpan.TryParseExact(s[3..], "hh\\:mm\\:ss", CultureInfo.InvariantCulture, out var time) ||
            day < 1 || day > DateTime.DaysInMonth(reference.Year, month))
        {
            return null;
        }

        var value = new DateTimeOffset(reference.Year, month, day, 0, 0, 0, TimeSpan.Zero) + time;
        if (value > reference.AddDays(31))
        {
            // A December line read in early January belongs to last year.
            var lastYear = reference.Year - 1;
            value = new DateTimeOffset(lastYear, month, Math.Min(day, DateTime.DaysInMonth(lastYear, month)), 0, 0, 0, TimeSpan.Zero) + time;
        }

        pos += 16;
        return value;
    }
}
