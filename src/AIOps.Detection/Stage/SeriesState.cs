using AIOps.Detection.Rules;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Stage;

/// <summary>One series' detector and policy plus the state of its current anomaly run.</summary>
internal sealed class SeriesState(string name, ISeriesDetector detector, MetricPolicy policy)
{
    /// <summary>Set for a (possible) cumulative counter: its samples are scored as per-second rates.</summary>
    public CounterRate? Counter { get; init; }

    /// <summary>The metric name (the detection rules resolve the policy from it, also when state is restored).</summary>
    public string Name { get; } = name;

    public ISeriesDetector Detector { get; } = detector;

    public MetricPolicy Policy { get; } = policy;

    public bool Signalled { get; set; }

    /// <summary>Smoothed |deviation| of recent points: how far the series sits from its own baseline.</summary>
    public double DriftLevel { get; set; }

    public bool Drifting { get; set; }

    public bool InAnomaly { get; set; }

    public DateTimeOffset Onset { get; set; }

    public DateTimeOffset LastSignalled { get; set; }

    public int CalmPoints { get; set; }

    public double PeakScore { get; set; }
}
