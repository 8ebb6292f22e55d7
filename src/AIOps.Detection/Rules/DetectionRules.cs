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

    // One factory per distinct detector spec: its shared settings serve every series that resolves to it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ISeriesDetectorFactory?> _factories = new(StringComparer.Ordinal);

    public MetricPolicy Resolve(string metricName, ISeriesDetectorFactory defaultFactory, string defaultName, double defaultThreshold)
    {
        var rule = Metrics.FirstOrDefault(r => r.Matches(metricName));
        var detector = rule?.Detector ?? Defaults.Detector;
        var season = rule?.Season ?? Defaults.Season;
        var stuck = rule?.Stuck ?? Defaults.Stuck ?? false;
        ISeriesDetectorFactory? factory = defaultFactory;
        var name = defaultName;
        if (detector is not null && detector != DetectionRulesFile.LiveDetector)
        {
            var spec = season is null ? detector : detector + (detector.Contains('?', StringComparison.Ordinal) ? "&" : "?") + season.SpecOverrides;
            factory = _factories.GetOrAdd(spec, static s => DetectorCatalog.TryCreate(s, out var created) ? created : null);
            name = factory is null ? defaultName : detector;
        }
        else if ((season is not null || stuck) && defaultFactory is LiveDetectorFactory)
        {
            var overrides = season?.SpecOverrides ?? string.Empty;
            factory = _factories.GetOrAdd(
                $"live?{overrides}|stuck={stuck}", static (_, o) => new LiveDetectorFactory(o.Overrides, o.Stuck), (Overrides: overrides, Stuck: stuck));
        }

        return new MetricPolicy(
            factory ?? defaultFactory,
            name,
            rule?.Threshold ?? Defaults.Threshold ?? defaultThreshold,
            rule?.Direction ?? Defaults.Direction ?? SignalDirection.Both,
            rule?.MinDuration ?? Defaults.MinDuration ?? TimeSpan.Zero,
            rule?.Counter ?? Defaults.Counter ?? CounterMode.Auto);
    }
}
