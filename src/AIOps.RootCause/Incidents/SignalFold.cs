using AIOps.Core.Model;

namespace AIOps.RootCause.Incidents;

/// <summary>
/// An incident's members folded into per-entity <see cref="CandidateFeatures"/>, kept between versions. A new version
/// lists the same members in the same order with new ones appended, so only those are folded; a member replaced by
/// a repeat that reads the same to the ranking (a re-sent alert: new id and time, same onset and score) changes
/// nothing. Anything else (a resolution, a stronger repeat, a merge that reorders) folds the whole list again.
/// Folding a list in one go or in appended steps gives the same features (ties keep the earlier member).
/// </summary>
internal sealed class SignalFold
{
    private readonly Dictionary<string, CandidateFeatures> _byEntity = new(StringComparer.Ordinal);
    private IReadOnlyList<Signal> _folded = [];
    private bool _resolvedOnly;

    /// <summary>Entities with members that count (problems or changes), in first-seen order.</summary>
    public List<CandidateFeatures> Entities { get; } = [];

    /// <summary>Members folded in by the last <see cref="Update"/> (the rest were already folded).</summary>
    public int LastFolded { get; private set; }

    public CandidateFeatures? Find(string entity) => _byEntity.GetValueOrDefault(entity);

    public void Update(IReadOnlyList<Signal> signals)
    {
        // A fold of resolved members only (below) is redone whole, so it matches folding the list afresh.
        var start = !_resolvedOnly && Extends(signals) ? _folded.Count : 0;
        if (start == 0)
        {
            _byEntity.Clear();
            Entities.Clear();
        }

        CandidateFeatures? last = null;
        for (var i = start; i < signals.Count; i++)
        {
            var signal = signals[i];
            if (signal.Kind != SignalKind.Change && signal.Resolved && signal.Kind != SignalKind.Anomaly)
            {
                continue; // a resolved alert or novelty is no longer a problem
            }

            // Members often come in runs on one entity; the reference check skips the lookup for those.
            var f = last is not null && ReferenceEquals(last.Entity, signal.Entity) ? last : For(signal.Entity);
            last = f;
            if (signal.Kind == SignalKind.Change)
            {
                f.Changes.Add(signal);
            }
            else
            {
                f.AddProblem(signal);
            }
        }

        _resolvedOnly = !Entities.Exists(e => e.IsAnomalous) && FoldResolved(signals);
        LastFolded = signals.Count - start;
        _folded = signals;
    }

    /// <summary>
    /// An incident whose every alert and novelty has resolved and that has no anomaly still had a problem: its resolved
    /// members are the only evidence of where, so they count (at their resolution time) rather than leaving nothing
    /// anomalous to rank. Returns whether any was folded.
    /// </summary>
    private bool FoldResolved(IReadOnlyList<Signal> signals)
    {
        var any = false;
        foreach (var signal in signals)
        {
            if (signal.Kind != SignalKind.Change && signal.Resolved && signal.Kind != SignalKind.Anomaly)
            {
                For(signal.Entity).AddProblem(signal);
                any = true;
            }
        }

        return any;
    }

    private bool Extends(IReadOnlyList<Signal> signals)
    {
        if (_folded.Count == 0 || signals.Count < _folded.Count)
        {
            return false;
        }

        for (var i = 0; i < _folded.Count; i++)
        {
            if (!ReferenceEquals(signals[i], _folded[i]) && !ReadsTheSame(signals[i], _folded[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every field the features and the report read (the timestamp only matters for changes).</summary>
    private static bool ReadsTheSame(Signal a, Signal b) =>
        a.Kind == b.Kind &&
        a.Resolved == b.Resolved &&
        a.Onset == b.Onset &&
        a.Score.Equals(b.Score) &&
        a.Deviation.Equals(b.Deviation) &&
        a.Expected.Equals(b.Expected) &&
        a.Observed.Equals(b.Observed) &&
        a.Severity == b.Severity &&
        (a.Kind != SignalKind.Change || a.Timestamp == b.Timestamp) &&
        string.Equals(a.Entity, b.Entity, StringComparison.Ordinal) &&
        string.Equals(a.Indicator, b.Indicator, StringComparison.Ordinal) &&
        string.Equals(a.Summary, b.Summary, StringComparison.Ordinal);

    private CandidateFeatures For(string entity)
    {
        if (!_byEntity.TryGetValue(entity, out var f))
        {
            _byEntity[entity] = f = new CandidateFeatures(entity);
            Entities.Add(f);
        }

        return f;
    }
}
