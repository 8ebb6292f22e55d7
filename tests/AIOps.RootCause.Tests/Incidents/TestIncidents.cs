using AIOps.Core.Model;

namespace AIOps.RootCause.Tests.Incidents;

/// <summary>Builders for the incidents the root-cause tests rank.</summary>
internal static class TestIncidents
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static Signal Anomaly(string entity, string indicator, double minutes, double deviation) => new()
    {
        Id = $"s-{entity}",
        Kind = SignalKind.Anomaly,
        Entity = entity,
        Indicator = indicator,
        Detector = "test",
        Score = 0.95,
        Observed = 10,
        Expected = 1,
        Deviation = deviation,
        Onset = T0.AddMinutes(minutes),
        Timestamp = T0.AddMinutes(minutes),
        Fingerprint = $"a:{entity}/{indicator}",
    };

    public static Signal Change(string entity, double minutes) => new()
    {
        Id = $"c-{entity}",
        Kind = SignalKind.Change,
        Entity = entity,
        Indicator = "deploy",
        Detector = "ci",
        Score = 1,
        Onset = T0.AddMinutes(minutes),
        Timestamp = T0.AddMinutes(minutes),
        Fingerprint = $"c:{entity}",
        Summary = "deploy v2",
    };

    public static Incident Incident(params Signal[] signals) => new()
    {
        Id = "inc-1",
        Version = 1,
        Status = IncidentStatus.Open,
        Title = "t",
        Severity = Severity.Error,
        Entities = [.. signals.Where(s => s.Kind != SignalKind.Change).Select(s => s.Entity).Distinct()],
        Signals = signals,
        FirstSeen = T0,
        LastSeen = T0.AddMinutes(5),
    };
}
