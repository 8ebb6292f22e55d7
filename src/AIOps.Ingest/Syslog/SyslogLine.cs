namespace AIOps.Ingest.Syslog;

/// <summary>The parts of one syslog message that the decoder maps.</summary>
internal sealed record SyslogLine(
    int? Priority,
    DateTimeOffset? Timestamp,
    string? Host,
    string? App,
    string? ProcId,
    string? MsgId,
    IReadOnlyList<KeyValuePair<string, string>> StructuredData,
    string Message);
