using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;
using AIOps.Ingest.Logs;

namespace AIOps.Ingest.Syslog;

/// <summary>
/// Syslog as rsyslog's omkafka forwards it (RFC 5424, RFC 3164 or rsyslog's forward format; see
/// <see cref="SyslogParser"/>): one <see cref="LogRecord"/> per message, severity from the PRI (or sniffed from the
/// text without one), host and app as the resource. Several records may share a message, one per line starting
/// with <c>&lt;PRI&gt;</c>; other lines continue the previous record's body.
/// </summary>
internal sealed class SyslogDecoder : ITelemetryDecoder
{
    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp", "ntp",
        "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    private readonly TimeProvider _timeProvider;

    public SyslogDecoder(TimeProvider timeProvider) => _timeProvider = timeProvider;

    public string Format => DecoderFormats.Syslog;

    public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var payload = message.Payload.Span;
        if (payload.IndexOf((byte)0) >= 0)
        {
            return DecodeResult.Fail(Format, "binary payload (NUL byte) is not syslog text");
        }

        var text = Encoding.UTF8.GetString(payload).TrimEnd('\r', '\n', ' ');
        if (text.Length == 0)
        {
            return DecodeResult.Fail(Format, "empty message");
        }

        // RFC 3164 has no year: take it from the message time, else the clock (never from far-off sentinel values).
        var reference = message.Timestamp is { Year: > 1971 and < 9000 } stamped ? stamped : _timeProvider.GetUtcNow();
        var start = output.Count;
        var recordStart = 0;
        var index = 0;
        while (recordStart < text.Length)
        {
            var next = NextRecord(text, recordStart);
            var error = DecodeOne(text[recordStart..next].TrimEnd('\r', '\n'), reference, message.Timestamp, output);
            if (error is not null)
            {
                OutputRollback.To(output, start);
                return DecodeResult.Fail(Format, index == 0 && next == text.Length ? error : $"record {index + 1}: {error}");
            }

            recordStart = next + 1;
            index++;
        }

        return DecodeResult.Ok(Format, output.Count - start);
    }

    // A record ends before a newline that is followed by "<digit"; other newlines belong to the body.
    private static int NextRecord(string text, int from)
    {
        var at = from;
        while ((at = text.IndexOf("\n<", at, StringComparison.Ordinal)) >= 0)
        {
            if (at + 2 < text.Length && char.IsAsciiDigit(text[at + 2]))
            {
                return at;
            }

            at += 2;
        }

        return text.Length;
    }

    private static string? DecodeOne(string text, DateTimeOffset reference, DateTimeOffset? fallbackTime, ICollection<TelemetryRecord> output)
    {
        var line = SyslogParser.Parse(text, reference, out var error);
        if (line is null)
        {
            return error;
        }

        var timestamp = line.Timestamp ?? fallbackTime;
        if (timestamp is null)
        {
            return "syslog line has no timestamp and the message has none";
        }

        var attributes = new List<KeyValuePair<string, string>>(8 + line.StructuredData.Count);
        Add(attributes, "host.name", line.Host);
        Add(attributes, "service.name", line.App);
        Add(attributes, "process.pid", line.ProcId);
        Add(attributes, "syslog.msgid", line.MsgId);
        if (line.Priority is { } pri)
        {
            attributes.Add(new("syslog.facility", pri >> 3 < Facilities.Length ? Facilities[pri >> 3] : (pri >> 3).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            attributes.Add(new("syslog.severity", (pri & 7).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        attributes.AddRange(line.StructuredData);
        var labels = Labels.Build(attributes);
        output.Add(new LogRecord
        {
            Timestamp = timestamp.Value,
            Severity = line.Priority is { } p ? SyslogSeverity.FromCode(p & 7) : LevelSniffer.FromBody(line.Message),
            Body = line.Message,
            Attributes = labels,
            Resource = EntityResolver.FromLabels(labels),
        });
        return null;
    }

    private static void Add(List<KeyValuePair<string, string>> attributes, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            attributes.Add(new(key, value));
        }
    }
}
