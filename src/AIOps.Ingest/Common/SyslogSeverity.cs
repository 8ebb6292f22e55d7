using AIOps.Core.Model;

namespace AIOps.Ingest.Common;

/// <summary>Syslog severity codes (RFC 5424 table 2) to <see cref="Severity"/>.</summary>
internal static class SyslogSeverity
{
    public static Severity FromCode(int code) => code switch
    {
        0 or 1 or 2 => Severity.Critical, // emerg, alert, crit
        3 => Severity.Error,
        4 => Severity.Warning,
        5 or 6 => Severity.Info,          // notice, info
        7 => Severity.Debug,
        _ => Severity.Unknown,
    };
}
