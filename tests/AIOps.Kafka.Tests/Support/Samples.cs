using AIOps.Core.Model;

namespace AIOps.Kafka.Tests.Support;

internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    public static Incident Incident(string id, long version, IncidentStatus status) => new()
    {
        Id = id,
        Version = version,
        Status = status,
        Title = "checkout cpu_usage up",
        Severity = Severity.Critical,
        Entities = ["checkout"],
        Signals = [Signal()],
        FirstSeen = T0,
        LastSeen = T0.AddMinutes(2),
        Reasons = ["same entity"],
    };

    public static Signal Signal() => new()
    {
        Id = "sig-1",
        Kind = SignalKind.Anomaly,
        Entity = "checkout",
        Indicator = "cpu_usage",
        Detector = "robust",
        Score = 0.93,
        Direction = Direction.Up,
        Observed = 97,
        Expected = 40,
        Onset = T0,
        Timestamp = T0.AddSeconds(30),
        Fingerprint = "checkout/cpu_usage",
    };
}
