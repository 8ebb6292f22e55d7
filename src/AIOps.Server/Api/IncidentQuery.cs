using System.Globalization;
using AIOps.Core.Model;
using AIOps.Server.Api.Actions;

namespace AIOps.Server.Api;

/// <summary>The list filters, parsed and checked; <see cref="Error"/> is set when a value is not understood.</summary>
internal sealed class IncidentQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public string? Status { get; private init; }

    public Severity? MinSeverity { get; private init; }

    public string? Service { get; private init; }

    public DateTimeOffset? From { get; private init; }

    public DateTimeOffset? To { get; private init; }

    public string? Text { get; private init; }

    public bool IncludeSuppressed { get; private init; }

    /// <summary>Whether incidents merged into another are listed (they are history: their signals live on in the survivor).</summary>
    public bool IncludeMerged { get; private init; }

    public int Limit { get; private init; } = DefaultLimit;

    public int Offset { get; private init; }

    public string? Error { get; private init; }

    public static IncidentQuery Parse(string? status, string? severity, string? service, string? from, string? to, string? q, bool? suppressed, int? limit, int? offset, bool? merged = null)
    {
        string[] statuses = ["open", "acknowledged", "silenced", "noise", "resolved", "all"];
        if (status?.ToLowerInvariant() == "all")
        {
            // Everything, including silenced, noise and merged: the "all" view of the console and CLI.
            status = null;
            suppressed = true;
            merged ??= true;
        }
        if (status is not null && !statuses.Contains(status.ToLowerInvariant()))
        {
            return new IncidentQuery { Error = $"status must be one of {string.Join(", ", statuses)}, not '{status}'" };
        }

        Severity? minSeverity = null;
        if (severity is not null)
        {
            if (!Enum.TryParse<Severity>(severity, ignoreCase: true, out var parsed) || int.TryParse(severity, out _))
            {
                return new IncidentQuery { Error = $"severity must be one of info, warning, error, critical, not '{severity}'" };
            }

            minSeverity = parsed;
        }

        DateTimeOffset? fromTime = null, toTime = null;
        if (from is not null && !TryTime(from, out fromTime))
        {
            return new IncidentQuery { Error = $"from must be an RFC 3339 time, not '{from}'" };
        }

        if (to is not null && !TryTime(to, out toTime))
        {
            return new IncidentQuery { Error = $"to must be an RFC 3339 time, not '{to}'" };
        }

        if (limit is < 1 or > MaxLimit || offset is < 0)
        {
            return new IncidentQuery { Error = $"limit must be 1..{MaxLimit} and offset at least 0" };
        }

        return new IncidentQuery
        {
            Status = status?.ToLowerInvariant(),
            MinSeverity = minSeverity,
            Service = service,
            From = fromTime,
            To = toTime,
            Text = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            IncludeSuppressed = suppressed ?? status is "silenced" or "noise",
            IncludeMerged = merged ?? false,
            Limit = limit ?? DefaultLimit,
            Offset = offset ?? 0,
        };
    }

    public bool Matches(Incident incident, OperatorState state)
    {
        if (Status is not null && !MatchesStatus(incident, state))
        {
            return false;
        }

        if (!IncludeMerged && incident.MergedInto is not null)
        {
            return false;
        }

        if (!IncludeSuppressed && state.Suppressed && Status is not ("silenced" or "noise"))
        {
            return false;
        }

        return (MinSeverity is not { } min || incident.Severity >= min)
            && (Service is null || incident.Entities.Contains(Service, StringComparer.OrdinalIgnoreCase))
            && (From is not { } f || incident.LastSeen >= f)
            && (To is not { } t || incident.FirstSeen <= t)
            && (Text is null || MatchesText(incident));
    }

    private bool MatchesStatus(Incident incident, OperatorState state) => Status switch
    {
        // "open" is every incident that still needs someone, acknowledged or not; the others are the operator view.
        "open" => state.Status is "open" or "acknowledged",
        "resolved" => incident.Status == IncidentStatus.Resolved || state.Resolved is not null,
        _ => state.Status == Status,
    };

    private bool MatchesText(Incident incident) =>
        incident.Id.Contains(Text!, StringComparison.OrdinalIgnoreCase)
        || incident.Title.Contains(Text!, StringComparison.OrdinalIgnoreCase)
        || incident.Entities.Any(e => e.Contains(Text!, StringComparison.OrdinalIgnoreCase))
        || (incident.RootCause?.Candidates.FirstOrDefault()?.Entity.Contains(Text!, StringComparison.OrdinalIgnoreCase) ?? false);

    private static bool TryTime(string value, out DateTimeOffset? time)
    {
        var ok = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        time = ok ? parsed : null;
        return ok;
    }
}
