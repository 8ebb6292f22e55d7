using AIOps.Core.Model;

namespace AIOps.IntegrationTests.Delivery;

/// <summary>Signals and incidents with event times near now, each signal at its own millisecond.</summary>
internal static class DeliveryData
{
    public static readonly DateTimeOffset T0 = new(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond - TimeSpan.TicksPerHour, TimeSpan.Zero);

    private static readonly string[] Entities = ["frontend", "checkout", "payments", "payments-db", "catalog"];

    public static Signal Signal(int i) => new()
    {
        Id = $"sig-{i}",
        Kind = i % 10 == 0 ? SignalKind.Alert : SignalKind.Anomaly,
        Entity = Entities[i % Entities.Length],
        Indicator = i % 2 == 0 ? "latency_ms" : "error_rate",
        Detector = "robust-baseline",
        Score = 0.5 + (i % 50 / 100.0),
        Observed = 30 + (i % 7),
        Expected = 4,
        Deviation = 10 + (i % 3),
        Onset = T0,
        Timestamp = T0.AddMilliseconds(i),
        Severity = Severity.Warning,
        Fingerprint = $"f-{i % 10}",
    };

    public static Incident Incident(string id, long version, IncidentStatus status = IncidentStatus.Open) => new()
    {
        Id = id,
        Version = version,
        Status = status,
        Title = "payments-db latency and 2 more",
        Severity = Severity.Error,
        Entities = ["payments-db", "payments", "checkout"],
        Signals = [Signal(1)],
        FirstSeen = T0,
        LastSeen = T0.AddMinutes(version),
        ResolvedAt = status == IncidentStatus.Resolved ? T0.AddMinutes(10) : null,
        Change = status == IncidentStatus.Resolved ? "resolved" : version == 1 ? "opened" : "signal added",
        RootCause = new RootCauseReport(
            T0,
            [new RootCauseCandidate("payments-db", "query_latency_ms", 0.91, Confidence.High, [], "payments-db changed first: query latency 4 ms -> 34 ms after a config change.")],
            "test"),
    };
}
