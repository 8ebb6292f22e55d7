namespace AIOps.Detection.Stage;

/// <summary>Names of the series the stage derives from logs.</summary>
public static class LogIndicators
{
    public const string ErrorCount = "log.error_count";

    /// <summary>Lines of one log template per entity and bucket (templates at or above the configured severity).</summary>
    public const string TemplateCount = "log.template_count";
}

/// <summary>Names of the series the stage derives from spans.</summary>
public static class SpanIndicators
{
    /// <summary>Mean server-side span duration per service and bucket.</summary>
    public const string DurationMs = "span.duration_ms";

    /// <summary>Share of a service's spans with error status per bucket.</summary>
    public const string ErrorRatio = "span.error_ratio";

    /// <summary>Mean client-span duration of one call edge per bucket, on the callee.</summary>
    public const string EdgeDurationMs = "edge.duration_ms";
}
