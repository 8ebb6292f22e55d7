using AIOps.Core.Model;
using AIOps.Server.Options;

namespace AIOps.Server.Delivery.Alertmanager;

/// <summary>Maps an incident version to the alert Alertmanager groups, routes and shows.</summary>
internal static class AlertmanagerAlerts
{
    public static AlertmanagerAlert From(Incident incident, string reportBaseUrl, DateTimeOffset endsAt)
    {
        var top = incident.RootCause?.Candidates is { Count: > 0 } candidates ? candidates[0] : null;
        var services = incident.Entities.ToArray();
        Array.Sort(services, StringComparer.Ordinal);
        var baseUrl = reportBaseUrl.TrimEnd('/');
        var incidentUrl = $"{baseUrl}/api/v1/incidents/{Uri.EscapeDataString(incident.Id)}";
        var alert = new AlertmanagerAlert(
            [
                new("alertname", DeliveryDefaults.AlertName),
                new("incident_id", incident.Id),
                new("severity", SeverityLabel(incident.Severity)),
                new("services", string.Join(',', services)),
                new("top_cause", top?.Entity ?? string.Empty),
            ],
            [
                new("summary", incident.Title),
                new("root_cause", top?.Explanation ?? string.Empty),
                new("report_url", incidentUrl + "/rca"),
            ],
            incident.FirstSeen,
            endsAt,
            incidentUrl);
        return alert.EndingAt(endsAt);
    }

    // Alertmanager routes commonly match severity="critical|warning|info"; keep those spellings.
    private static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info or Severity.Debug => "info",
        _ => "unknown",
    };
}
