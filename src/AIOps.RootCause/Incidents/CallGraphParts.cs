namespace AIOps.RootCause.Incidents;

/// <summary>
/// Splits candidates into the parts the call graph joins among themselves (edges to candidates outside the set do not
/// count). Parts come in the order of their first candidate, members in walk order, so rankings built on them are
/// stable.
/// </summary>
internal static class CallGraphParts
{
    public static List<List<CandidateFeatures>> Split(IReadOnlyList<CandidateFeatures> candidates)
    {
        var byEntity = new Dictionary<string, CandidateFeatures>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            byEntity[candidate.Entity] = candidate;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parts = new List<List<CandidateFeatures>>();
        var stack = new Stack<CandidateFeatures>();
        foreach (var start in candidates)
        {
            if (!seen.Add(start.Entity))
            {
                continue;
            }

            var members = new List<CandidateFeatures>();
            stack.Push(start);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                members.Add(current);
                foreach (var neighbour in current.Callees.Concat(current.Callers))
                {
                    if (byEntity.TryGetValue(neighbour, out var next) && seen.Add(neighbour))
                    {
                        stack.Push(next);
                    }
                }
            }

            parts.Add(members);
        }

        return parts;
    }
}
