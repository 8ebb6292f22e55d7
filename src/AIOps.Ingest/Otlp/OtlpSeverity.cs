using AIOps.Core.Model;

namespace AIOps.Ingest.Otlp;

internal static class OtlpSeverity
{
    /// <summary>
    /// severityNumber ranges (logs data model): 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error,
    /// 21-24 fatal; anything else is <see cref="Severity.Unknown"/> (the severity text decides then).
    /// </summary>
    public static Severity FromNumber(long number) => number switch
    {
        < 1 or > 24 => Severity.Unknown,
        <= 8 => Severity.Debug,
        <= 12 => Severity.Info,
        <= 16 => Severity.Warning,
        <= 20 => Severity.Error,
        _ => Severity.Critical,
    };
}
