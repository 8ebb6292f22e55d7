using AIOps.Core.Model;

namespace AIOps.Accuracy.Correlation;

/// <summary>
/// Scores one replay against its truth. Each signal (distinct id; alerts and anomalies, not resolutions or changes)
/// is mapped to a fault by entity and time (the fault's components, from 2 min before it starts to 10 min after
/// it ends), else to a noise event the same way, else it is unlabelled. Its predicted cluster is the incident that
/// held its fingerprint at that time (merges followed), else itself alone (muted, held, weak or dropped).
/// Compression is given two ways: over those signals as received (the original definition), and over every alert
/// notification received (firing, re-sent and resolved: each is a message an operator would otherwise get) plus
/// every anomaly and novelty signal.
/// </summary>
internal static class ScenarioEvaluator
{
    private static readonly TimeSpan Before = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan After = TimeSpan.FromMinutes(10);

    public static ScenarioScore Score(ScenarioTruth truth, IReadOnlyList<Signal> published, IReadOnlyList<Incident> versions)
    {
        var problems = published.Where(s => !s.Resolved && s.Kind != SignalKind.Change).ToList();
        var notifications = problems.Count + published.Count(s => s.Resolved && s.Kind == SignalKind.Alert);
        var distinct = problems.GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(s => s.Timestamp).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var memberships = Memberships(versions);
        var items = new List<(string Truth, string Predicted, bool Fault)>(distinct.Count);
        foreach (var signal in distinct)
        {
            var label = Label(truth, signal);
            items.Add((label.Id, Predict(memberships, signal) ?? "alone:" + signal.Id, label.Fault));
        }

        var faultItems = items.Where(i => i.Fault).Select(i => (i.Truth, i.Predicted)).ToList();
        var allItems = items.Select(i => (i.Truth, i.Predicted)).ToList();
        var incidents = memberships.Select(m => m.Root).Distinct(StringComparer.Ordinal).Count();
        var perFault = truth.Faults.ToDictionary(
            f => f.Id,
            f => items.Where(i => i.Truth == f.Id && !i.Predicted.StartsWith("alone:", StringComparison.Ordinal)).Select(i => i.Predicted).Distinct(StringComparer.Ordinal).Count(),
            StringComparer.Ordinal);
        return new ScenarioScore(
            truth.Scenario, truth.Faults.Count, truth.Noise.Count, problems.Count, distinct.Count, incidents,
            problems.Count == 0 ? 0 : 1 - ((double)incidents / problems.Count),
            notifications,
            notifications == 0 ? 0 : 1 - ((double)incidents / notifications),
            PairCounts.Of(faultItems), PairCounts.Of(allItems), perFault,
            faultItems.Count, faultItems.Count(i => !i.Predicted.StartsWith("alone:", StringComparison.Ordinal)),
            items.Count(i => i.Truth.StartsWith("unlabelled:", StringComparison.Ordinal)),
            truth.Noise.Count(n => n.Kind == nameof(NoiseKind.CriticalAlert)));
    }

    /// <summary>For `--verbose`: the fault signals (distinct ids) that ended up in no incident, with the fault they belong to.</summary>
    public static IEnumerable<(string Fault, Signal Signal)> Unclustered(ScenarioTruth truth, IReadOnlyList<Signal> published, IReadOnlyList<Incident> versions)
    {
        var memberships = Memberships(versions);
        foreach (var signal in published.Where(s => !s.Resolved && s.Kind != SignalKind.Change).DistinctBy(s => s.Id))
        {
            if (Label(truth, signal) is { Fault: true } label && Predict(memberships, signal) is null)
            {
                yield return (label.Id, signal);
            }
        }
    }

    internal static (string Id, bool Fault) Label(ScenarioTruth truth, Signal signal)
    {
        foreach (var fault in truth.Faults)
        {
            if (Covers(fault, signal))
            {
                return (fault.Id, true);
            }
        }

        foreach (var noise in truth.Noise)
        {
            if (Covers(noise, signal))
            {
                return (noise.Id, false);
            }
        }

        return ("unlabelled:" + signal.Id, false);
    }

    private static bool Covers(TruthEntry entry, Signal signal) =>
        entry.Entities.Contains(signal.Entity, StringComparer.Ordinal) && signal.Timestamp >= entry.Start - Before && signal.Timestamp <= entry.End + After;

    /// <summary>Per incident: its root (after merges), its fingerprints over all versions and its time span.</summary>
    internal static List<Membership> Memberships(IReadOnlyList<Incident> versions)
    {
        var latest = versions.GroupBy(v => v.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!, StringComparer.Ordinal);
        var result = new List<Membership>();
        foreach (var group in versions.GroupBy(v => v.Id, StringComparer.Ordinal))
        {
            var final = latest[group.Key];
            var root = final;
            for (var hops = 0; root.MergedInto is { } into && latest.TryGetValue(into, out var next) && hops < 100; hops++)
            {
                root = next;
            }

            var fingerprints = group.SelectMany(v => v.Signals).Select(s => s.Fingerprint).ToHashSet(StringComparer.Ordinal);
            var end = final.Status == IncidentStatus.Resolved && final.MergedInto is null ? final.ResolvedAt ?? DateTimeOffset.MaxValue : DateTimeOffset.MaxValue;
            result.Add(new Membership(root.Id, fingerprints, group.Min(v => v.FirstSeen), end));
        }

        return result;
    }

    internal static string? Predict(List<Membership> memberships, Signal signal)
    {
        Membership? best = null;
        foreach (var m in memberships)
        {
            if (m.Fingerprints.Contains(signal.Fingerprint) && signal.Timestamp >= m.Start - TimeSpan.FromMinutes(1) && signal.Timestamp <= m.End &&
                (best is null || m.Start > best.Start))
            {
                best = m;
            }
        }

        return best?.Root;
    }

    internal sealed record Membership(string Root, HashSet<string> Fingerprints, DateTimeOffset Start, DateTimeOffset End);
}
