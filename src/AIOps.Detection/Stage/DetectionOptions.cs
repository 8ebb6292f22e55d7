using AIOps.Core.Model;

namespace AIOps.Detection.Stage;

/// <summary>How the detection stage turns scores into signals. Defaults in <see cref="DetectionDefaults"/>.</summary>
public sealed class DetectionOptions
{
    /// <summary>A point whose calibrated score reaches this opens (or continues) an anomaly.</summary>
    public double SignalThreshold { get; set; } = DetectionDefaults.SignalThreshold;

    /// <summary>While an anomaly lasts, it is re-signalled at most this often (keeps its incident alive).</summary>
    public TimeSpan RepeatInterval { get; set; } = DetectionDefaults.RepeatInterval;

    /// <summary>Consecutive calm points that end an anomaly.</summary>
    public int CalmPointsToEnd { get; set; } = DetectionDefaults.CalmPointsToEnd;

    /// <summary>Width of the buckets that turn error log lines into a rate series.</summary>
    public TimeSpan LogBucket { get; set; } = DetectionDefaults.LogBucket;

    /// <summary>Log lines an entity must have sent before a never-seen template counts as novel (start-up lines are all new).</summary>
    public int NoveltyWarmupLogs { get; set; } = DetectionDefaults.NoveltyWarmupLogs;

    /// <summary>Only new templates at or above this severity are signalled.</summary>
    public Severity NoveltyMinSeverity { get; set; } = DetectionDefaults.NoveltyMinSeverity;

    /// <summary>Log templates at or above this severity get a rate series of their own per entity (a known warning bursting).</summary>
    public Severity TemplateRateMinSeverity { get; set; } = DetectionDefaults.TemplateRateMinSeverity;

    /// <summary>Template rate series per entity; beyond it the least recently seen template stops being counted.</summary>
    public int MaxTemplatesPerEntity { get; set; } = DetectionDefaults.MaxTemplatesPerEntity;

    /// <summary>Upper bound on tracked series; beyond it new series are counted and not scored.</summary>
    public int MaxSeries { get; set; } = DetectionDefaults.MaxSeries;
}
