using AIOps.Core.Model;

namespace AIOps.RootCause.Incidents;

/// <summary>What the incident's signals say about one candidate entity.</summary>
internal sealed class CandidateFeatures(string entity)
{
    public string Entity { get; } = entity;

    public List<Signal> Problems { get; } = [];

    public List<Signal> Changes { get; } = [];

    public bool IsAnomalous => Problems.Count > 0;

    public DateTimeOffset? Onset => Problems.Count == 0 ? null : Problems.Min(s => s.Onset);

    /// <summary>The signal that best shows the problem: a metric anomaly or alert before a log novelty, the earliest, then the strongest.</summary>
    public Signal? Lead => Problems
        .OrderBy(s => s.Kind == SignalKind.Novelty ? 1 : 0)
        .ThenBy(s => s.Onset)
        .ThenByDescending(s => Math.Abs(s.Deviation))
        .FirstOrDefault();

    /// <summary>Never-seen log lines on this entity.</summary>
    public IEnumerable<Signal> NewLogTemplates => Problems.Where(s => s.Kind == SignalKind.Novelty);

    /// <summary>Shift size in [0,1]: robust deviation squashed, alerts by their own score.</summary>
    public double Magnitude => Problems.Count == 0 ? 0 : Problems.Max(s => s.Kind switch
    {
        SignalKind.Anomaly => Math.Tanh(Math.Abs(s.Deviation) / 8.0),
        SignalKind.Novelty => 0.3 * s.Score,
        _ => 0.5 * s.Score,
    });
}
