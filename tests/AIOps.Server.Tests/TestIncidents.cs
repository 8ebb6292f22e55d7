using AIOps.Core.Model;

namespace AIOps.Server.Tests;

internal static class TestIncidents
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static Incident Create(string id, long version, IncidentStatus status = IncidentStatus.Open) => new()
    {
        Id = id,
        Version = version,
        Status = status,
        Title = $"latency anomaly on db (v{version})",
        Severity = Severity.Error,
        Entities = ["db"],
        Signals =
        [
            new Signal
            {
                Id = "s1", Kind = SignalKind.Anomaly, Entity = "db", Indicator = "latency", Detector = "t", Score = 0.9,
                Onset = T0, Timestamp = T0, Fingerprint = "a:db", Labels = LabelSet.From(("service.name", "db")),
            },
        ],
        FirstSeen = T0,
        LastSeen = T0.AddMinutes(version),
        RootCause = new RootCauseReport(T0, [new RootCauseCandidate("db", "latency", 0.8, Confidence.High, [new Evidence(EvidenceKind.Onset, "first", T0)], "db: first.")], "test"),
    };
}
