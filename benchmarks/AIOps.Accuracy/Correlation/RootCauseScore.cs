using AIOps.Core.Model;

namespace AIOps.Accuracy.Correlation;

/// <summary>
/// One fault's root-cause outcome: the incident holding most of its signals and where the true root ranks there
/// (0 = not in the list), in the incident's last open version (<see cref="Rank"/>, <see cref="Top3"/>) and in its final one.
/// </summary>
internal sealed record FaultRootCause(string Scenario, string Fault, string Root, string? Incident, int Rank, IReadOnlyList<string> Top3, int FinalRank);

/// <summary>
/// Scores the live root-cause ranking inside the scenario incidents. Per fault: the incident (after merges) that holds
/// most of the fault's distinct signals, the ranking of its last open version (what an operator reads while it is live;
/// the resolved version re-ranks without the resolved alerts, so it is reported beside it), and the rank of the fault's
/// root entity (the component the fault was injected at: its first effect, the first entity of its truth entry). AC@1
/// counts rank 1, in-top-3 ranks 1 to 3; a fault none of whose signals reached an incident counts as a miss for both.
/// </summary>
internal static class RootCauseScore
{
    public static List<FaultRootCause> Score(ScenarioTruth truth, IReadOnlyList<Signal> published, IReadOnlyList<Incident> versions)
    {
        var memberships = ScenarioEvaluator.Memberships(versions);
        var latest = versions.GroupBy(v => v.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!, StringComparer.Ordinal);
        var held = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var signal in published.Where(s => !s.Resolved && s.Kind != SignalKind.Change).DistinctBy(s => s.Id))
        {
            if (ScenarioEvaluator.Label(truth, signal) is { Fault: true } label && ScenarioEvaluator.Predict(memberships, signal) is { } incident)
            {
                var counts = held.TryGetValue(label.Id, out var c) ? c : held[label.Id] = new Dictionary<string, int>(StringComparer.Ordinal);
                counts[incident] = counts.GetValueOrDefault(incident) + 1;
            }
        }

        var results = new List<FaultRootCause>(truth.Faults.Count);
        foreach (var fault in truth.Faults)
        {
            var root = fault.Entities[0];
            if (!held.TryGetValue(fault.Id, out var counts))
            {
                results.Add(new FaultRootCause(truth.Scenario, fault.Id, root, null, 0, [], 0));
                continue;
            }

            // Most signals; on a tie the incident id decides, so the pick is reproducible.
            var incident = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            var open = versions.Where(v => v.Id == incident && v.Status == IncidentStatus.Open).MaxBy(v => v.Version) ?? latest[incident];
            var candidates = open.RootCause?.Candidates ?? [];
            results.Add(new FaultRootCause(truth.Scenario, fault.Id, root, incident, RankOf(candidates, root), [.. candidates.Take(3).Select(c => c.Entity)], RankOf(latest[incident].RootCause?.Candidates ?? [], root)));
        }

        return results;
    }

    private static int RankOf(IReadOnlyList<RootCauseCandidate> candidates, string root)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Entity == root)
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>One line with AC@1 and in-top-3 over the faults, then one line per miss.</summary>
    public static string Summary(string set, IReadOnlyList<FaultRootCause> results)
    {
        var top1 = results.Count(r => r.Rank == 1);
        var top3 = results.Count(r => r.Rank is >= 1 and <= 3);
        var final1 = results.Count(r => r.FinalRank == 1);
        var final3 = results.Count(r => r.FinalRank is >= 1 and <= 3);
        var lines = new List<string> { $"Root cause ({set}): AC@1 {top1}/{results.Count}, in top 3 {top3}/{results.Count} (last open version); resolved version AC@1 {final1}/{results.Count}, in top 3 {final3}/{results.Count}" };
        foreach (var r in results.Where(r => r.Rank != 1))
        {
            lines.Add($"  miss {r.Scenario}/{r.Fault}: root {r.Root} rank {(r.Rank == 0 ? "-" : r.Rank)}, top 3 [{string.Join(", ", r.Top3)}]{(r.Incident is null ? " (no incident)" : string.Empty)}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
