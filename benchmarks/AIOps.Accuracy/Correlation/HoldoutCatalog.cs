namespace AIOps.Accuracy.Correlation;

/// <summary>
/// Holdout scenarios (`correlation --set holdout`): kinds of fault the suite in <see cref="ScenarioCatalog"/> lacks,
/// written after the correlator was built and not used to tune it. The shop gains an order queue with a consumer
/// (`fulfillment`) and its downstream (`notifications`), declared in the topology file, plus two components nobody
/// declared: `fraud` (payments calls it; only the spans say so) and the cluster DNS `coredns`.
/// </summary>
internal static class HoldoutCatalog
{
    public const int Steps = 200;

    public static readonly Component[] System =
    [
        .. SimulatedSystem.Components.Select(c => c.Name == "checkout" ? c with { Calls = [.. c.Calls, "orders-queue"] } : c),
        new("orders-queue", "node-4", true, 200, 0, "team-orders", [], UpMetric: "kafka_exporter_up", LatencyMetric: "kafka_consumergroup_lag"),
        new("fulfillment", "node-2", false, 120, 0.2, "team-orders", ["orders-queue"]),
        new("notifications", "node-1", false, 50, 0.2, "team-web", ["fulfillment"]),
        new("fraud", "node-4", false, 30, 0.2, "team-payments", [], Undeclared: true),
        new("coredns", "node-1", true, 2, 0, "team-platform", [], Undeclared: true, UpMetric: "coredns_up", LatencyMetric: "coredns_dns_request_duration_ms"),
    ];

    private static readonly (string Caller, string Callee)[] TracedOnly = [("payments", "fraud")];

    public static IReadOnlyList<ScenarioSpec> All { get; } =
    [
        new("span-dependency", "fraud (in no topology file; payments calls it, as only the spans show) fails; payments, checkout and gateway fail in turn", 21, Steps,
        [
            new("fraud-errors", "outage", "fraud scoring rejects every request after a model push", 90, 30,
                Cascade("fraud", 3, new Effect("fraud", 0, 3, 40, ErrorLog: "model scoring failed: feature vector has 212 columns, expected 208"), errorFactor: 30, latencyFactor: 2, log: "fraud check failed: 500 from {callee}"),
                []),
        ], 12, System, Traces: true, TracedCalls: TracedOnly),
        new("queue-backlog", "fulfillment consumes orders-queue too slowly: lag ramps for 25 min, fulfillment then notifications slow down", 22, 240,
        [
            new("queue-backlog", "saturation", "orders-queue consumer lag builds up after a rebalance", 90, 70,
                [
                    new Effect("orders-queue", 0, 25, 1, RampSteps: 50),
                    new Effect("fulfillment", 8, 4, 1, ErrorLog: "order processing delayed: oldest message 240 s old", RampSteps: 44),
                    new Effect("notifications", 24, 3, 1, ErrorLog: "timeout waiting for fulfillment status", RampSteps: 30),
                ],
                [new FaultAlert("orders-queue", "KafkaConsumerGroupLag", "warning", 16, "consumer group fulfillment lag above 2000 on orders-queue")]),
        ], 12, System),
        new("shared-dns", "coredns answers slowly: four services on three nodes, no call between them, fail name lookups in the same minute", 23, Steps,
        [
            new("dns-outage", "infrastructure", "coredns overloaded, lookups time out", 100, 24,
                [
                    new Effect("coredns", 0, 15, 1),
                    new Effect("payments", 0, 1.5, 30, ErrorLog: "dial tcp: lookup api.psp-gateway.example on 10.96.0.10:53: i/o timeout"),
                    new Effect("auth", 0, 1.5, 30, ErrorLog: "dial tcp: lookup login.idp.example on 10.96.0.10:53: i/o timeout"),
                    new Effect("search", 1, 1.5, 30, ErrorLog: "dial tcp: lookup search-index.shop.svc.cluster.local on 10.96.0.10:53: i/o timeout"),
                    new Effect("notifications", 1, 1.5, 30, ErrorLog: "dial tcp: lookup smtp.mail-provider.example on 10.96.0.10:53: i/o timeout"),
                    new Effect("gateway", 2, 1.2, 4),
                ],
                [new FaultAlert("coredns", "CoreDNSErrorsHigh", "critical", 1, "CoreDNS is returning SERVFAIL for 12% of requests")]),
        ], 12, System),
        new("neighbour-faults", "a bad catalog release, and 10 min later an unrelated replica lag on catalog-db, its own database: two incidents", 24, Steps,
        [
            new("catalog-release", "deploy", "catalog v2.4.0 returns 500s", 90, 30,
                [new Effect("catalog", 1, 1.4, 40, ErrorLog: "ArgumentNullException in PriceFormatter.Format (catalog v2.4.0)"), new Effect("gateway", 3, 1.2, 6, ErrorLog: "upstream call failed: 500 from catalog")],
                [], "catalog", "catalog v2.4.0 rolled out"),
            new("replica-lag", "latency", "catalog-db replica falls behind after a long vacuum", 110, 24,
                [new Effect("catalog-db", 0, 3, 1)],
                [new FaultAlert("catalog-db", "PostgresReplicationLagHigh", "critical", 1, "catalog-db replica 90 s behind primary")]),
        ], 12, System),
    ];

    /// <summary>The topology file of the holdout system: the undeclared components and the span-only calls are not in it.</summary>
    public static string TopologyYaml() => SimulatedSystem.TopologyYaml(System, "the shop of the holdout scenarios");

    /// <summary>Callers over every real call (declared or only traced): faults spread along what exists, not what is written down.</summary>
    private static IEnumerable<string> Callers(string name) =>
        System.Where(c => c.Calls.Contains(name)).Select(c => c.Name).Concat(TracedOnly.Where(e => e.Callee == name).Select(e => e.Caller));

    /// <summary>As the suite's cascade: the root's effect plus its callers up to <paramref name="depth"/> hops, each hop two steps later, damage fading with distance.</summary>
    private static Effect[] Cascade(string root, int depth, Effect rootEffect, double errorFactor, double latencyFactor, string? log)
    {
        var effects = new List<Effect> { rootEffect };
        var frontier = new List<string> { root };
        var seen = new HashSet<string> { root };
        for (var hop = 1; hop <= depth; hop++)
        {
            var next = new List<string>();
            foreach (var name in frontier)
            {
                foreach (var caller in Callers(name).Where(seen.Add))
                {
                    var fade = 1.0 / hop;
                    effects.Add(new Effect(caller, hop * 2, 1 + ((latencyFactor - 1) * fade), 1 + ((errorFactor - 1) * fade), ErrorLog: log?.Replace("{callee}", name, StringComparison.Ordinal)));
                    next.Add(caller);
                }
            }

            frontier = next;
        }

        return [.. effects];
    }
}
