namespace AIOps.RootCause.Incidents;

/// <summary>
/// The whole input of one incident's ranking: per candidate its <see cref="CandidateKey"/> and its callees and
/// callers (the walk's subgraph and the topology score come from those lists, in their order).
/// </summary>
internal sealed class RankingKey
{
    private readonly CandidateKey[] _candidates;
    private readonly IReadOnlyList<string>[] _callees;
    private readonly IReadOnlyList<string>[] _callers;

    public RankingKey(CandidateKey[] candidates, IReadOnlyList<string>[] callees, IReadOnlyList<string>[] callers)
    {
        _candidates = candidates;
        _callees = callees;
        _callers = callers;
    }

    public bool Matches(RankingKey other)
    {
        if (_candidates.Length != other._candidates.Length)
        {
            return false;
        }

        for (var i = 0; i < _candidates.Length; i++)
        {
            if (!_candidates[i].Equals(other._candidates[i]) || !Same(_callees[i], other._callees[i]) || !Same(_callers[i], other._callers[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
