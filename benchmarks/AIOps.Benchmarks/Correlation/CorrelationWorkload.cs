using AIOps.Core.Model;
using AIOps.Core.Topology;

namespace AIOps.Benchmarks.Correlation;

/// <summary>
/// A seeded alert storm for the correlator: <c>groups</c> chains of ten services (svc-g-0 calls svc-g-1 ...), alerts
/// of five kinds firing again and again on them, and a share of brand-new entities that open incidents.
/// </summary>
internal static class CorrelationWorkload
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] AlertNames = ["HighErrorRate", "HighLatency", "PodNotReady", "CPUThrottlingHigh", "DiskSpaceLow"];

    public static DependencyGraph Topology(int groups)
    {
        var graph = new DependencyGraph();
        for (var g = 0; g < groups; g++)
        {
            for (var i = 0; i < 9; i++)
            {
                graph.AddStatic(Service(g, i), Service(g, i + 1));
            }
        }

        return graph;
    }

    public static string Service(int group, int index) => $"svc-{group}-{index}";

    /// <summary>The entity and alert name of the n-th storm alert: mostly known conditions, <paramref name="newEntityEvery"/> a new entity.</summary>
    public static (string Entity, string AlertName) Pick(Random random, long n, int groups, int newEntityEvery) =>
        newEntityEvery > 0 && n % newEntityEvery == 0
            ? ($"new-{n}", AlertNames[0])
            : (Service(random.Next(groups), random.Next(10)), AlertNames[random.Next(AlertNames.Length)]);

    public static Signal Alert(string entity, string alertName, DateTimeOffset time, long n) => new()
    {
        Id = $"sig-{n}",
        Kind = SignalKind.Alert,
        Entity = entity,
        Indicator = alertName,
        Detector = "alertmanager",
        Score = 1,
        Onset = time,
        Timestamp = time,
        Severity = Severity.Critical,
        Fingerprint = $"alertmanager:{entity}/{alertName}",
        Summary = $"{alertName} on {entity}",
        Labels = LabelSet.From(("alertname", alertName), ("service", entity), ("namespace", "shop")),
    };

    public static Signal[] Signals(int count, int groups, int newEntityEvery, int seed = 674386)
    {
        var random = new Random(seed);
        var signals = new Signal[count];
        for (var n = 0; n < count; n++)
        {
            var (entity, alertName) = Pick(random, n, groups, newEntityEvery);
            signals[n] = Alert(entity, alertName, Start.AddMilliseconds(n), n);
        }

        return signals;
    }
}
