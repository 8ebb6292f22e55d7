namespace AIOps.Core.Model;

/// <summary>Maps the severity words used by syslog, OpenTelemetry, Alertmanager and log shippers to <see cref="Severity"/>.</summary>
public static class SeverityParser
{
    public static Severity Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Severity.Unknown;
        }

        return text.Trim().ToLowerInvariant() switch
        {
            "trace" or "debug" or "dbg" or "verbose" => Severity.Debug,
            "info" or "information" or "informational" or "notice" or "normal" or "none" => Severity.Info,
            "warn" or "warning" or "minor" => Severity.Warning,
            "error" or "err" or "major" or "high" or "fail" or "failure" => Severity.Error,
            "critical" or "crit" or "fatal" or "alert" or "emerg" or "emergency" or "page" or "disaster" => Severity.Critical,
            _ => Severity.Unknown,
        };
    }
}
