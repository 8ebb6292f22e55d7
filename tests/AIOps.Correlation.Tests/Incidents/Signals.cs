using AIOps.Core.Model;

namespace AIOps.Correlation.Tests.Incidents;

/// <summary>Test signal builder.</summary>
internal static class Signals
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static Signal Anomaly(string entity, string indicator, double minutes, double score = 0.95, double deviation = 10) => new()
    {
        Id = $"sig-{entity}-{indicator}-{minutes}",
        Kind = SignalKind.Anomaly,
        Entity = entity,
        Indicator = indicator,
        Detector = "test",
        Score = score,
        Deviation = deviation,
        Observed = 10,
        Expected = 1,
        Onset = T0.AddMinutes(minutes),
        Timestamp = T0.AddMinutes(minutes),
        Fingerprint = $"anomaly:{entity}/{indicator}",
    };

    public static Signal Alert(string entity, string alertname, double minutes, Severity severity = Severity.Critical, bool resolved = false, params (string Key, string Value)[] labels) => new()
    {
        Id = $"alert-{entity}-{alertname}-{minutes}-{resolved}",
        Kind = SignalKind.Alert,
        Entity = entity,
        Indicator = alertname,
        Detector = "alertmanager",
        Score = 1,
        Onset = T0.AddMinutes(minutes),
        Timestamp = T0.AddMinutes(minutes),
        Severity = severity,
        Fingerprint = $"alertmanager:{entity}/{alertname}",
        Resolved = resolved,
        Summary = $"{alertname} firing",
        Labels = LabelSet.From([("alertname", alertname), ("service", entity), .. labels]),
    };

    public static Signal Change(string entity, double minutes) => new()
    {
        Id = $"chg-{entity}-{minutes}",
        Kind = SignalKind.Change,
        Entity = entity,
        Indicator = "deploy",
        Detector = "ci",
        Score = 1,
        Onset = T0.AddMinutes(minutes),
        Timestamp = T0.AddMinutes(minutes),
        Fingerprint = $"deploy:{entity}:{minutes}",
        Summary = $"deploy of {entity}",
    };
}
