using AIOps.Detection.Scoring;

namespace AIOps.Detection.Rules;

/// <summary>
/// Per-metric detection settings: the first rule whose glob matches a metric name overrides the defaults.
/// Resolved once per new series, so the per-point path pays nothing for it.
/// </summary>
public sealed class DetectionRules
{
    public static readonly DetectionRules Empty = new(new DetectionRule("*"), []);

    public DetectionRules(DetectionRule defaults, IReadOnlyList<DetectionRule> metrics)
    {
        Defaults = defaults;
        Metrics = metrics;
    }

    public DetectionRule Defaults { get; }

    public IReadOnlyList<DetectionRule> Metrics { get; }

    public MetricPolicy Resolve(string metricName, ISeriesDetectorFactory defaultFactory, string defaultName, double defaultThreshold)
    {
        var rule = Metrics.FirstOrDefault(r => r.Matches(metricName));
        var detector = rule?.Detector ?? Defaults.Detector;
        ISeriesDetectorFactory? factory = defaultFactory;
        var name = defaultName;
        if (detector is not null && detector != DetectionRulesFile.LiveDetector && DetectorCatalog.TryCreate(detector, out factory))
        {
            name = detector;
        }

        return new MetricPolicy(
            factory ?? defaultFactory,
            name,
            rule?.Threshold ?? Defaults.Threshold ?? defaultThreshold,
            rule?.Direction ?? Defaults.Direction ?? SignalDirection.Both,
            rule?.MinDuration ?? Defaults.MinDuration ?? TimeSpan.Zero);
    }
}
