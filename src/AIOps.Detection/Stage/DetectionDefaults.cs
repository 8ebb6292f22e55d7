using AIOps.Core.Model;

namespace AIOps.Detection.Stage;

public static class DetectionDefaults
{
    public const double SignalThreshold = 0.8;
    public const int CalmPointsToEnd = 3;
    public const int MaxSeries = 1_000_000;
    public const int NoveltyWarmupLogs = 100;

    /// <summary>A new template alone is weak evidence: below the correlator's bar to open an incident, enough to join one.</summary>
    public const double NoveltyScore = 0.75;
    public const Severity NoveltyMinSeverity = Severity.Warning;

    /// <summary>Templates at or above this severity get their own rate series per entity.</summary>
    public const Severity TemplateRateMinSeverity = Severity.Warning;

    /// <summary>Template rate series kept per entity (the least recently seen template is dropped beyond it).</summary>
    public const int MaxTemplatesPerEntity = 50;
    public static readonly TimeSpan RepeatInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LogBucket = TimeSpan.FromMinutes(1);
}
