namespace AIOps.Accuracy.Correlation;

/// <summary>
/// The scenario suite. Faults are described by what breaks and how far the damage climbs the call graph; the
/// metrics, logs and alerts follow from the simulation, not from per-scenario scripting of signals.
/// Steps are 30 s; detectors get 40 minutes of normal traffic before the first fault.
/// </summary>
internal static class ScenarioCatalog
{
    public const int Steps = 200;

    public static IReadOnlyList<ScenarioSpec> All { get; } =
    [
        new("db-outage", "payments-db goes down; payments, checkout and gateway fail in turn", 11, Steps,
        [
            new("db-outage", "outage", "payments-db down for 20 min", 90, 40,
                Cascade("payments-db", 3, new Effect("payments-db", 0, 1, 1, Down: true), errorFactor: 30, latencyFactor: 3, log: "connection refused: {callee}:5432"),
                [new FaultAlert("payments-db", "PostgresDown", "critical", 1, "payments-db is not answering")]),
        ], 12),
        new("bad-deploy", "a catalog release throws on every product page until it is rolled back", 12, Steps,
        [
            new("bad-deploy", "deploy", "catalog v2.3.0 returns 500s", 96, 30,
                [new Effect("catalog", 1, 1.4, 40, ErrorLog: "NullPointerException in ProductController.render (catalog v2.3.0)"), new Effect("gateway", 3, 1.2, 6, ErrorLog: "upstream call failed: 500 from catalog")],
                [], "catalog", "catalog v2.3.0 rolled out"),
        ], 12),
        new("slow-dependency", "the cache slows down; its callers' latency climbs", 13, Steps,
        [
            new("slow-cache", "latency", "cache command latency x10", 88, 36,
                Cascade("cache", 2, new Effect("cache", 0, 10, 1), errorFactor: 1, latencyFactor: 3, log: null),
                [new FaultAlert("cache", "RedisSlowCommands", "warning", 2, "cache commands slower than 5 ms")]),
        ], 12),
        new("concurrent-faults", "inventory-db fills its disk while search-index slows down: two incidents", 14, Steps,
        [
            new("disk-full", "outage", "inventory-db disk full, writes fail", 90, 36,
                Cascade("inventory-db", 1, new Effect("inventory-db", 0, 2, 1, ErrorLog: "could not extend file: No space left on device"), errorFactor: 25, latencyFactor: 1.5, log: "insert failed: {callee} read-only"),
                [new FaultAlert("inventory-db", "NodeFilesystemAlmostFull", "critical", 0, "inventory-db data volume 99% full")]),
            new("slow-search", "latency", "search-index queries x8 slower", 94, 36,
                Cascade("search-index", 1, new Effect("search-index", 0, 8, 1), errorFactor: 1, latencyFactor: 4, log: null),
                [new FaultAlert("search-index", "ElasticsearchSlowQueries", "critical", 2, "search-index p99 query latency above 500 ms")]),
        ], 12),
        new("flapping-check", "auth's health probe fails for 2 min every 20 min for an hour and a half", 15, 300,
        [
            new("flapping-probe", "flapping", "auth probe flaps", 84, 180,
                [new Effect("auth", 0, 1.3, 1)],
                [new FaultAlert("auth", "ProbeFailed", "critical", 0, "blackbox probe of auth failing", FlapUpSteps: 4, FlapDownSteps: 36)]),
        ], 12),
        new("node-failure", "node-3 goes down; everything on it fails and its callers see errors", 16, Steps,
        [
            new("node-down", "outage", "node-3 NotReady", 92, 30,
                [
                    new Effect("node-3", 0, 1, 1),
                    new Effect("cache", 1, 1, 1, Down: true), new Effect("cart", 1, 2, 40, ErrorLog: "pod evicted: node-3 not ready"),
                    new Effect("inventory-db", 1, 1, 1, Down: true), new Effect("catalog", 3, 2, 8, ErrorLog: "cache unavailable: connection reset"),
                    new Effect("inventory", 3, 1.5, 20, ErrorLog: "connection refused: inventory-db:5432"),
                ],
                [
                    new FaultAlert("node-3", "KubeNodeNotReady", "critical", 1, "node-3 has been unready"),
                    new FaultAlert("cart", "KubePodNotReady", "critical", 3, "cart pod not ready"),
                    new FaultAlert("cache", "KubePodNotReady", "critical", 3, "cache pod not ready"),
                    new FaultAlert("inventory-db", "KubePodNotReady", "critical", 3, "inventory-db pod not ready"),
                ]),
        ], 12),
        new("storm", "a busy afternoon: a bad deploy, then a database outage while noise keeps coming", 17, 280,
        [
            new("storm-deploy", "deploy", "search v5.1 leaks memory and slows", 70, 30,
                [new Effect("search", 1, 3, 4, ErrorLog: "GC overhead limit exceeded in QueryPlanner (search v5.1)")],
                [new FaultAlert("search", "ContainerMemoryHigh", "warning", 6, "search memory above 90% of limit")], "search", "search v5.1 rolled out"),
            new("storm-db", "outage", "users-db down", 170, 40,
                Cascade("users-db", 3, new Effect("users-db", 0, 1, 1, Down: true), errorFactor: 30, latencyFactor: 2, log: "connection refused: {callee}:3306"),
                [new FaultAlert("users-db", "MySQLDown", "critical", 1, "users-db is not answering")]),
        ], 20),
    ];

    /// <summary>The root's effect plus its callers up to <paramref name="depth"/> hops, each hop one step later.</summary>
    private static Effect[] Cascade(string root, int depth, Effect rootEffect, double errorFactor, double latencyFactor, string? log)
    {
        var effects = new List<Effect> { rootEffect };
        var frontier = new List<(string Name, string Callee)> { (root, root) };
        var seen = new HashSet<string> { root };
        for (var hop = 1; hop <= depth; hop++)
        {
            var next = new List<(string, string)>();
            foreach (var (name, _) in frontier)
            {
                foreach (var caller in SimulatedSystem.Callers(name).Where(seen.Add))
                {
                    // Damage fades with distance from the root.
                    var fade = 1.0 / hop;
                    effects.Add(new Effect(caller, hop * 2, 1 + ((latencyFactor - 1) * fade), 1 + ((errorFactor - 1) * fade), ErrorLog: log?.Replace("{callee}", name, StringComparison.Ordinal)));
                    next.Add((caller, name));
                }
            }

            frontier = next;
        }

        return [.. effects];
    }
}
