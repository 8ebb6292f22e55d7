namespace AIOps.RootCause.Incidents;

/// <summary>
/// Infers a dependency nobody declared. When several parts of an incident that the call graph does not connect went
/// wrong within <see cref="RankingWeights.SharedCauseWindow"/> of each other, each part's own root explains only its
/// part; what explains all of them is something they share. An anomalous candidate with no place in the graph at all
/// (no declared or traced caller or callee: cluster DNS, a network, a certificate service), whose onset falls in that
/// same window, is the one candidate that can be such a shared dependency, so the parts are taken as its inferred
/// callers. Needs two or more placed parts: with one, the unplaced entity may as well be its symptom. Pure function of
/// the candidates' onsets and neighbour lists, so a reused ranking stays valid.
/// </summary>
internal static class SharedCauseInference
{
    /// <summary>Unplaced candidate -> the anomalous entities inferred to depend on it (empty when nothing is inferred).</summary>
    public static Dictionary<string, List<string>> Infer(List<CandidateFeatures> features, TimeSpan window)
    {
        var inferred = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (window <= TimeSpan.Zero)
        {
            return inferred;
        }

        // Parts: the placed anomalous candidates, connected through declared edges among themselves (an unplaced
        // candidate has no edges, so it is a part of its own and is left out).
        var parts = new List<(DateTimeOffset Onset, List<string> Members)>();
        foreach (var members in CallGraphParts.Split([.. features.Where(f => f.Onset is not null)]))
        {
            if (members.Count > 1 || !IsUnplaced(members[0]))
            {
                parts.Add((members.Min(m => m.Onset!.Value), [.. members.Select(m => m.Entity)]));
            }
        }

        foreach (var f in features)
        {
            if (f.Onset is not { } onset || !IsUnplaced(f))
            {
                continue;
            }

            List<string>? dependents = null;
            var together = 0;
            foreach (var (partOnset, members) in parts)
            {
                if ((partOnset - onset).Duration() <= window)
                {
                    together++;
                    (dependents ??= []).AddRange(members);
                }
            }

            if (together >= 2)
            {
                inferred[f.Entity] = dependents!;
            }
        }

        return inferred;
    }

    private static bool IsUnplaced(CandidateFeatures f) => f.Callees.Count == 0 && f.Callers.Count == 0;
}
