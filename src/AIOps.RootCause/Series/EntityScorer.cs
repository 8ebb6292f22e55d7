using System.Globalization;
using AIOps.Core.Model;
using AIOps.Core.Topology;

namespace AIOps.RootCause.Series;

/// <summary>Combines shift, topology and earliness into one score per entity and writes the evidence and sentence.</summary>
internal sealed class EntityScorer
{
    private const int MaxPathHops = 8;

    private readonly SeriesRcaOptions _options;
    private readonly SeriesFrame _frame;
    private readonly int _onsetRow;
    private int _earliestRow;
    private int _firstCount;

    public EntityScorer(SeriesRcaOptions options, SeriesFrame frame, int onsetRow)
    {
        _options = options;
        _frame = frame;
        _onsetRow = onsetRow;
    }

    public List<RootCauseCandidate> Score(List<EntityShift> entities, DependencyGraph? topology)
    {
        if (entities.Count == 0)
        {
            return [];
        }

        var zMax = entities.Max(e => e.Best.Z);
        var shiftScore = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            shiftScore[e.Entity] = zMax > 0 ? Math.Log(1 + e.Best.Z) / Math.Log(1 + zMax) : 0;
        }

        var useGraph = topology is not null && topology.Edges().Count > 0 && _options.TopologyWeight > 0;
        var walk = useGraph ? CallGraphWalk.Rank(topology!, shiftScore, _options) : null;

        var earliest = int.MaxValue;
        foreach (var e in entities)
        {
            if (e.OnsetRow >= 0)
            {
                earliest = Math.Min(earliest, e.OnsetRow);
            }
        }

        _earliestRow = earliest == int.MaxValue ? _onsetRow : earliest;
        var decay = Math.Max(1.0, (_frame.Length - _onsetRow) * _options.EarlinessDecayFraction);
        var weightSum = _options.ShiftWeight + _options.OnsetWeight + (useGraph ? _options.TopologyWeight : 0);
        var scored = new List<(EntityShift Shift, double Score, double S, double T, double E)>(entities.Count);
        foreach (var e in entities)
        {
            var s = shiftScore[e.Entity];
            var t = walk is not null && walk.TryGetValue(e.Entity, out var w) ? w : 0;
            var early = e.OnsetRow >= 0 ? Math.Exp(-(e.OnsetRow - earliest) / decay) : 0;
            var score = ((_options.ShiftWeight * s) + (useGraph ? _options.TopologyWeight * t : 0) + (_options.OnsetWeight * early)) / weightSum;
            scored.Add((e, score, s, t, early));
        }

        // Ties (equal scores) break on the larger shift, then by name, so the output is deterministic.
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score)
            : b.Shift.Best.Z != a.Shift.Best.Z ? b.Shift.Best.Z.CompareTo(a.Shift.Best.Z)
            : string.CompareOrdinal(a.Shift.Entity, b.Shift.Entity));

        var symptom = entities.MaxBy(e => e.Best.Z).Entity;
        var shiftedCount = entities.Count(e => e.Best.Z >= _options.ShiftThreshold);
        _firstCount = entities.Count(e => e.OnsetRow >= 0 && e.OnsetRow == _earliestRow);
        var candidates = new List<RootCauseCandidate>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (shift, score, _, t, early) = scored[i];
            var next = i + 1 < scored.Count ? scored[i + 1].Score : 0;
            var path = useGraph && !string.Equals(symptom, shift.Entity, StringComparison.Ordinal)
                ? topology!.Path(symptom, shift.Entity, MaxPathHops)
                : null;
            candidates.Add(Candidate(i, shift, score, ConfidenceOf(i, score, next, scored[0].Score), t, early, path, shiftedCount, useGraph));
        }

        return candidates;
    }

    /// <summary>
    /// The leader's confidence is its margin over the runner-up relative to its own score (High from 25%, Medium
    /// from 10%); the others are Medium when within 10% of the leader, else Low.
    /// </summary>
    internal static Confidence ConfidenceOf(int rank, double score, double nextScore, double topScore)
    {
        if (score <= 0)
        {
            return Confidence.Low;
        }

        if (rank == 0)
        {
            var margin = (score - nextScore) / score;
            return margin >= 0.25 ? Confidence.High : margin >= 0.10 ? Confidence.Medium : Confidence.Low;
        }

        return score >= 0.9 * topScore ? Confidence.Medium : Confidence.Low;
    }

    private RootCauseCandidate Candidate(
        int rank, EntityShift entity, double score, Confidence confidence, double walk, double early,
        IReadOnlyList<string>? path, int shiftedCount, bool useGraph)
    {
        var column = _frame.Columns[entity.Best.Column];
        var best = entity.Best;
        var evidence = new List<Evidence>(3);
        DateTimeOffset? onsetTime = entity.OnsetRow >= 0 ? _frame.TimeAt(entity.OnsetRow) : null;
        var direction = best.After >= best.Before ? "rose" : "fell";
        evidence.Add(new Evidence(
            EvidenceKind.Shift,
            $"{column.Name} {direction} from {Format(best.Before)} to {Format(best.After)} ({best.Z.ToString("0.#", CultureInfo.InvariantCulture)} robust deviations)",
            _frame.TimeAt(_onsetRow),
            best.Before,
            best.After));
        if (onsetTime is { } time)
        {
            evidence.Add(new Evidence(
                EvidenceKind.Onset,
                early >= 0.999 ? FirstPhrase(shiftedCount) : $"changed {FormatSpan(entity.OnsetRow)} after the earliest entity",
                time));
        }

        if (path is { Count: > 1 })
        {
            evidence.Add(new Evidence(EvidenceKind.Topology, $"on the call path {string.Join(" -> ", path)}", Path: path));
        }

        var sentence = $"{entity.Entity} {(rank == 0 ? "is the most likely cause" : $"ranks #{rank + 1}")}: {evidence[0].Description}"
            + (onsetTime is not null && early >= 0.999 ? $", {FirstPhrase(shiftedCount)}" : string.Empty)
            + (useGraph && walk >= 0.999 ? ", and it is where the anomaly pools on the call graph (its callees look healthy)" : string.Empty)
            + ".";
        return new RootCauseCandidate(entity.Entity, column.Metric, Math.Round(score, 4), confidence, evidence, sentence);
    }

    private string FirstPhrase(int shiftedCount) => _firstCount <= 1
        ? $"the first of {shiftedCount} shifted entities to change"
        : $"one of {_firstCount} entities that changed first (of {shiftedCount} shifted)";

    private string FormatSpan(int row) =>
        (_frame.Times[row] - _frame.Times[_earliestRow]).ToString("0.#", CultureInfo.InvariantCulture) + " s";

    private static string Format(double value) => Math.Abs(value) >= 1e5 || (Math.Abs(value) < 1e-3 && value != 0)
        ? value.ToString("0.###e0", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);
}
