namespace AIOps.Core.Topology;

/// <summary>
/// The service dependency graph: static edges from the topology file plus edges learned from spans,
/// which age out when not seen for a while. Thread-safe: the pipeline writes, the API reads.
/// </summary>
public sealed class DependencyGraph
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, DependencyEdge>> _callees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _callers = new(StringComparer.Ordinal);

    public void AddStatic(string caller, string callee) => Add(caller, callee, DateTimeOffset.MinValue, isStatic: true);

    public void Observe(string caller, string callee, DateTimeOffset seen) => Add(caller, callee, seen, isStatic: false);

    public IReadOnlyList<string> Callees(string entity)
    {
        lock (_gate)
        {
            return _callees.TryGetValue(entity, out var set) ? [.. set.Keys] : [];
        }
    }

    public IReadOnlyList<string> Callers(string entity)
    {
        lock (_gate)
        {
            return _callers.TryGetValue(entity, out var set) ? [.. set] : [];
        }
    }

    public IReadOnlyList<DependencyEdge> Edges()
    {
        lock (_gate)
        {
            return [.. _callees.Values.SelectMany(e => e.Values)];
        }
    }

    public bool Contains(string entity)
    {
        lock (_gate)
        {
            return _callees.ContainsKey(entity) || _callers.ContainsKey(entity);
        }
    }

    /// <summary>The shortest undirected path from <paramref name="from"/> to <paramref name="to"/> within <paramref name="maxHops"/>, or null.</summary>
    public IReadOnlyList<string>? Path(string from, string to, int maxHops)
    {
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return [from];
        }

        lock (_gate)
        {
            var previous = new Dictionary<string, string>(StringComparer.Ordinal) { [from] = from };
            var frontier = new List<string> { from };
            for (var hop = 0; hop < maxHops && frontier.Count > 0; hop++)
            {
                var next = new List<string>();
                foreach (var node in frontier)
                {
                    foreach (var neighbour in NeighboursLocked(node))
                    {
                        if (!previous.TryAdd(neighbour, node))
                        {
                            continue;
                        }

                        if (string.Equals(neighbour, to, StringComparison.Ordinal))
                        {
                            return Unwind(previous, from, to);
                        }

                        next.Add(neighbour);
                    }
                }

                frontier = next;
            }

            return null;
        }
    }

    /// <summary>Removes learned edges not seen since <paramref name="cutoff"/>; static edges stay.</summary>
    public int Expire(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            var removed = 0;
            foreach (var (caller, edges) in _callees)
            {
                foreach (var edge in edges.Values.Where(e => !e.Static && e.LastSeen < cutoff).ToList())
                {
                    edges.Remove(edge.Callee);
                    _callers[edge.Callee].Remove(caller);
                    removed++;
                }
            }

            return removed;
        }
    }

    private void Add(string caller, string callee, DateTimeOffset seen, bool isStatic)
    {
        if (string.Equals(caller, callee, StringComparison.Ordinal))
        {
            return;
        }

        lock (_gate)
        {
            if (!_callees.TryGetValue(caller, out var edges))
            {
                _callees[caller] = edges = new Dictionary<string, DependencyEdge>(StringComparer.Ordinal);
            }

            if (edges.TryGetValue(callee, out var existing))
            {
                edges[callee] = existing with { LastSeen = seen > existing.LastSeen ? seen : existing.LastSeen, Static = existing.Static || isStatic };
            }
            else
            {
                edges[callee] = new DependencyEdge(caller, callee, seen, isStatic);
            }

            if (!_callers.TryGetValue(callee, out var callers))
            {
                _callers[callee] = callers = new HashSet<string>(StringComparer.Ordinal);
            }

            callers.Add(caller);
            _callees.TryAdd(callee, new Dictionary<string, DependencyEdge>(StringComparer.Ordinal));
        }
    }

    private IEnumerable<string> NeighboursLocked(string node)
    {
        if (_callees.TryGetValue(node, out var callees))
        {
            foreach (var callee in callees.Keys)
            {
                yield return callee;
            }
        }

        if (_callers.TryGetValue(node, out var callers))
        {
            foreach (var caller in callers)
            {
                yield return caller;
            }
        }
    }

    private static List<string> Unwind(Dictionary<string, string> previous, string from, string to)
    {
        var path = new List<string> { to };
        var node = to;
        while (!string.Equals(node, from, StringComparison.Ordinal))
        {
            node = previous[node];
            path.Add(node);
        }

        path.Reverse();
        return path;
    }
}
