using AIOps.Core.Model;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace AIOps.Influx;

/// <summary>
/// Maps engine results to points. Tags are the bounded dimensions dashboards group by (entity, indicator, kind,
/// detector, severity; incident id and status); everything per observation is a field, so series cardinality
/// grows with the estate, not with traffic.
/// </summary>
public static class InfluxPoints
{
    public static PointData FromSignal(Signal signal, WritePrecision precision, bool seriesTag = false)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var point = PointData.Measurement(InfluxDefaults.SignalMeasurement);
        if (seriesTag)
        {
            point = point.Tag("series", signal.Fingerprint);
        }

        return point
            .Tag("entity", signal.Entity)
            .Tag("indicator", signal.Indicator)
            .Tag("kind", KindTag(signal.Kind))
            .Tag("detector", signal.Detector)
            .Tag("severity", SeverityTag(signal.Severity))
            .Field("score", signal.Score)
            .Field("observed", signal.Observed)
            .Field("expected", signal.Expected)
            .Field("deviation", signal.Deviation)
            .Timestamp(signal.Timestamp, precision);
    }

    /// <summary>
    /// One annotation per version, at the time the version describes (first seen when opened, resolve time when
    /// resolved, last seen otherwise). A replayed version lands on the same series and time, so it overwrites
    /// itself instead of duplicating.
    /// </summary>
    public static PointData FromIncident(Incident incident, WritePrecision precision)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var top = incident.RootCause?.Candidates is { Count: > 0 } candidates ? candidates[0].Entity : string.Empty;
        return PointData.Measurement(InfluxDefaults.IncidentMeasurement)
            .Tag("incident_id", incident.Id)
            .Tag("status", incident.Status == IncidentStatus.Open ? "open" : "resolved")
            .Tag("severity", SeverityTag(incident.Severity))
            .Field("version", incident.Version)
            .Field("title", incident.Title)
            .Field("top_cause", top)
            .Field("entities", (long)incident.Entities.Count)
            .Field("signals", (long)incident.Signals.Count)
            .Field("change", incident.Change)
            .Timestamp(AnnotationTime(incident), precision);
    }

    public static DateTimeOffset AnnotationTime(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Status == IncidentStatus.Resolved)
        {
            return incident.ResolvedAt ?? incident.LastSeen;
        }

        return incident.Version == 1 ? incident.FirstSeen : incident.LastSeen;
    }

    // Fixed strings instead of Enum.ToString(): no allocation and no surprise if an enum member is renamed.
    internal static string KindTag(SignalKind kind) => kind switch
    {
        SignalKind.Anomaly => "anomaly",
        SignalKind.Alert => "alert",
        SignalKind.Change => "change",
        SignalKind.Novelty => "novelty",
        _ => "other",
    };

    internal static string SeverityTag(Severity severity) => severity switch
    {
        Severity.Debug => "debug",
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        Severity.Critical => "critical",
        _ => "unknown",
    };
}
