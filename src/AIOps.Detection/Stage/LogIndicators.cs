namespace AIOps.Detection.Stage;

/// <summary>Names of the series the stage derives from logs.</summary>
public static class LogIndicators
{
    public const string ErrorCount = "log.error_count";
}

/// <summary>Names of the series the stage derives from spans.</summary>
public static class SpanIndicators
{
    public const string DurationMs = "span.duration_ms";
}
