using AIOps.Core.Topology;

namespace AIOps.RootCause.Series;

/// <summary>
/// A personalised random walk on the call graph in the spirit of MicroRCA: the walker starts at anomalous entities
/// (in proportion to their anomaly), steps to a callee in proportion to that callee's anomaly (following the fault
/// downstream), sometimes steps back to a caller, and stays put in proportion to how much more anomalous the node is
/// than its callees. Mass therefore pools at an anomalous node whose callees are healthy: the deepest broken
/// component, which is where a fault that propagates up the call chain started.
/// </summary>
internal static class CallGraphWalk
{
    private const int Iterations = 100;

    /// <summary>Stationary visit probability per node, scaled so the best node has 1.</summary>
    public static Dictionary<string, double> Rank(DependencyGraph graph, IReadOnlyDictionary<string, double> anomaly, SeriesRcaOptions options)
    {
        var nodes = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        void AddNode(string name)
        {
            if (index.TryAdd(name, nodes.Count))
            {
                nodes.Add(name);
            }
        }

        foreach (var edge in graph.Edges())
        {
            AddNode(edge.Caller);
            AddNode(edge.Callee);
        }

        foreach (var name in anomaly.Keys)
        {
            AddNode(name);
        }

        var n = nodes.Count;
        var a = new double[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = anomaly.TryGetValue(nodes[i], out var value) ? Math.Clamp(value, 0, 1) : 0;
        }

        // Row-stochastic transitions as sparse lists.
        var targets = new List<(int To, double P)>[n];
        for (var i = 0; i < n; i++)
        {
            var row = new List<(int To, double P)>();
            var maxCallee = 0.0;
            foreach (var callee in graph.Callees(nodes[i]))
            {
                var j = index[callee];
                row.Add((j, a[j]));
                maxCallee = Math.Max(maxCallee, a[j]);
            }

            foreach (var caller in graph.Callers(nodes[i]))
            {
                var j = index[caller];
                row.Add((j, options.BackwardWeight * a[j]));
            }

            row.Add((i, Math.Max(0, a[i] - maxCallee)));
            var sum = 0.0;
            foreach (var (_, p) in row)
            {
                sum += p;
            }

            targets[i] = sum > 0 ? row.ConvertAll(t => (t.To, t.P / sum)) : [];
        }

        var personal = new double[n];
        var total = 0.0;
        foreach (var v in a)
        {
            total += v;
        }

        for (var i = 0; i < n; i++)
        {
            personal[i] = total > 0 ? a[i] / total : 1.0 / n;
        }

        var p0 = (double[])personal.Clone();
        var next = new double[n];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(next);
            var dangling = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (targets[i].Count == 0)
                {
                    dangling += p0[i];
                    continue;
                }

                foreach (var (to, p) in targets[i])
                {
                    next[to] += p0[i] * p;
                }
            }

            for (var i = 0; i < n; i++)
            {
                // Dangling mass (nodes with nowhere to go) restarts like the teleport does.
                next[i] = ((1 - options.Restart) * (next[i] + (dangling * personal[i]))) + (options.Restart * personal[i]);
            }

            (p0, next) = (next, p0);
        }

        var max = p0.Max();
        var ranks = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            ranks[nodes[i]] = max > 0 ? p0[i] / max : 0;
        }

        return ranks;
    }
}
