using AIOps.Core.Model;

namespace AIOps.RootCause.Incidents;

/// <summary>
/// What the incident's signals say about one candidate entity, folded in as the signals are added (one pass over
/// the incident, no sorting): the ranking reads only these summaries, so they are also what decides whether an
/// incident's earlier ranking still holds.
/// </summary>
internal sealed class CandidateFeatures(string entity)
{
    public string Entity { get; } = entity;

    public List<Signal> Changes { get; } = [];

    /// <summary>Its callees and callers in the dependency graph, as the topology listed them.</summary>
    public IReadOnlyList<string> Callees { get; set; } = [];

    public IReadOnlyList<string> Callers { get; set; } = [];

    /// <summary>The hosts it runs on (from the topology's host list; empty for a host or an entity none is known for).</summary>
    public IReadOnlyList<string> Hosts { get; set; } = [];

    public bool IsAnomalous { get; private set; }

    public DateTimeOffset? Onset { get; private set; }

    /// <summary>The second earliest onset of its problem signals (equal to <see cref="Onset"/> when two share it).</summary>
    public DateTimeOffset? NextOnset { get; private set; }

    /// <summary>The signal that best shows the problem: a metric anomaly or alert before a log novelty, the earliest, then the strongest (the first such on a tie).</summary>
    public Signal? Lead { get; private set; }

    /// <summary>Shift size in [0,1]: robust deviation squashed, alerts by their own score.</summary>
    public double Magnitude { get; private set; }

    /// <summary>The earliest never-seen log line on this entity (the first such on a tie).</summary>
    public Signal? FirstNovelty { get; private set; }

    /// <summary>1 when a never-seen log line is an error, 0.5 when there is only a milder one, else 0.</summary>
    public double NoveltyScore { get; private set; }

    /// <summary>The next onset when the first one stands alone for longer than <paramref name="scale"/>, else null.</summary>
    public DateTimeOffset? LoneOnsetUntil(TimeSpan scale) => Onset is { } onset && NextOnset is { } next && next - onset > scale ? next : null;

    public void AddProblem(Signal signal)
    {
        IsAnomalous = true;
        if (Onset is not { } onset || signal.Onset < onset)
        {
            NextOnset = Onset;
            Onset = signal.Onset;
        }
        else if (NextOnset is not { } next || signal.Onset < next)
        {
            NextOnset = signal.Onset;
        }

        if (Lead is null || LeadsBefore(signal, Lead))
        {
            Lead = signal;
        }

        var magnitude = signal.Kind switch
        {
            SignalKind.Anomaly => Math.Tanh(Math.Abs(signal.Deviation) / 8.0),
            SignalKind.Novelty => 0.3 * signal.Score,
            _ => 0.5 * signal.Score,
        };
        if (magnitude > Magnitude)
        {
            Magnitude = magnitude; // a NaN never wins, as in a LINQ Max
        }

        if (signal.Kind == SignalKind.Novelty)
        {
            if (FirstNovelty is null || signal.Onset < FirstNovelty.Onset)
            {
                FirstNovelty = signal;
            }

            NoveltyScore = Math.Max(NoveltyScore, signal.Severity >= Severity.Error ? 1.0 : 0.5);
        }
    }

    private static bool LeadsBefore(Signal candidate, Signal current)
    {
        var kind = (candidate.Kind == SignalKind.Novelty ? 1 : 0).CompareTo(current.Kind == SignalKind.Novelty ? 1 : 0);
        if (kind != 0)
        {
            return kind < 0;
        }

        var onset = candidate.Onset.CompareTo(current.Onset);
        return onset != 0 ? onset < 0 : Strength(candidate) > Strength(current);
    }

    // NaN sorts below every number, as the default double comparer orders it.
    private static double Strength(Signal signal) => double.IsNaN(signal.Deviation) ? -1 : Math.Abs(signal.Deviation);
}
