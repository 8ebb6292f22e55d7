using System.Globalization;
using System.Text.Json.Nodes;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Serialization;
using AIOps.Server.Api.Actions;
using AIOps.Server.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AIOps.Server.Api;

/// <summary>What people do to incidents: acknowledge, resolve, silence similar ones, and say what the cause was.</summary>
internal static class ActionApi
{
    public static readonly TimeSpan MaxSilence = TimeSpan.FromDays(30);

    public static RouteGroupBuilder MapIncidentActions(this RouteGroupBuilder write)
    {
        write.MapPost("/incidents/{id}/acknowledge", (HttpContext http, IIncidentStore store, OperatorActionLog log, string id, NoteRequest? body) =>
                Record(http, store, log, id, incident => Action(http, log, incident, ActionKind.Acknowledge) with { Note = body?.Note }))
            .WithName("acknowledgeIncident").WithSummary("Acknowledge: someone is on it");
        write.MapPost("/incidents/{id}/resolve", (HttpContext http, IIncidentStore store, OperatorActionLog log, string id, NoteRequest? body) =>
                Record(http, store, log, id, incident => Action(http, log, incident, ActionKind.Resolve) with { Note = body?.Note }))
            .WithName("resolveIncident").WithSummary("Resolve by hand (shown as resolved even while the engine still sees symptoms)");
        write.MapPost("/incidents/{id}/silence", (HttpContext http, IIncidentStore store, OperatorActionLog log, string id, SilenceRequest? body) =>
            {
                if (!TryDuration(body?.Duration ?? "1h", out var duration))
                {
                    return ApiProblems.BadRequest($"duration must look like 30m, 2h or 1d (at most {MaxSilence.TotalDays:0}d), not '{body?.Duration}'");
                }

                return Record(http, store, log, id, incident => Action(http, log, incident, ActionKind.Silence) with
                {
                    Until = log.Time.GetUtcNow() + duration,
                    Note = body?.Note,
                });
            })
            .WithName("silenceSimilar").WithSummary("Silence this incident and similar ones (half or more of the same entity/indicator pairs) for a duration");
        write.MapPost("/incidents/{id}/feedback", Feedback)
            .WithName("giveFeedback").WithSummary("Feedback: 'cause' / 'not-cause' on a candidate (adjusts future ranking), or 'noise' on the incident (suppresses similar ones)");
        write.MapDelete("/silences/{silenceId}", (HttpContext http, OperatorActionLog log, EngineStatus status, string silenceId) =>
                log.Expire(silenceId, Actor(http)) is { } ended
                    ? Results.Json(ended, AiopsJson.Options)
                    : status.Silences.Remove(silenceId)
                        ? Results.Json(new { id = silenceId, ended = true }, AiopsJson.Options)
                        : ApiProblems.Create(StatusCodes.Status404NotFound, "silence not found", $"no active silence '{silenceId}'"))
            .WithName("endSilence").WithSummary("End a silence now (an incident silence or a matcher silence)");
        return write;
    }

    public static RouteGroupBuilder MapActionQueries(this RouteGroupBuilder read)
    {
        read.MapGet("/silences", (OperatorActionLog log, EngineStatus status) => Results.Json(
                new { silences = log.ActiveSilences(), matcherSilences = SilenceApi.Active(status, log.Time.GetUtcNow()).Select(SilenceApi.View).ToList() },
                AiopsJson.Options))
            .WithName("listSilences").WithSummary("Active silences: on incidents (silences) and by matchers (matcherSilences)");
        read.MapGet("/feedback", (OperatorActionLog log) =>
                Results.Json(new { feedback = log.All().Where(a => a.Kind == ActionKind.Feedback).ToList() }, AiopsJson.Options))
            .WithName("listFeedback").WithSummary("Every feedback given, oldest first");
        read.MapGet("/incidents/{id}/actions", (IIncidentStore store, OperatorActionLog log, string id) =>
                store.Get(id) is { } incident ? Results.Json(log.StateOf(incident), AiopsJson.Options) : ApiProblems.IncidentNotFound(id))
            .WithName("getIncidentActions").WithSummary("The operator state and every action on one incident");
        return read;
    }

    private static IResult Feedback(HttpContext http, IIncidentStore store, OperatorActionLog log, string id, FeedbackRequest? body)
    {
        var verdict = body?.Verdict?.Trim().ToLowerInvariant() switch
        {
            "cause" or "confirmed" => FeedbackVerdict.Cause,
            "not-cause" or "notcause" or "not_cause" or "rejected" => FeedbackVerdict.NotCause,
            "noise" => FeedbackVerdict.Noise,
            _ => (FeedbackVerdict?)null,
        };
        if (verdict is null)
        {
            return ApiProblems.BadRequest($"verdict must be cause, not-cause or noise, not '{body?.Verdict}'");
        }

        if (store.Get(id) is not { } incident)
        {
            return ApiProblems.IncidentNotFound(id);
        }

        string? entity = null, indicator = null;
        if (verdict != FeedbackVerdict.Noise)
        {
            var candidate = incident.RootCause?.Candidates.FirstOrDefault(c => string.Equals(c.Entity, body!.Entity, StringComparison.Ordinal)
                && (body.Indicator is null || string.Equals(c.Indicator, body.Indicator, StringComparison.Ordinal)));
            if (candidate is null)
            {
                return ApiProblems.BadRequest($"entity must name a candidate of {id}'s root-cause report, not '{body!.Entity}'");
            }

            (entity, indicator) = (candidate.Entity, candidate.Indicator);
        }

        return Record(http, store, log, id, _ => Action(http, log, incident, ActionKind.Feedback) with
        {
            Verdict = verdict,
            Entity = entity,
            Indicator = indicator,
            Note = body?.Note,
        });
    }

    private static IResult Record(HttpContext http, IIncidentStore store, OperatorActionLog log, string id, Func<Incident, OperatorAction> build)
    {
        if (store.Get(id) is not { } incident)
        {
            return ApiProblems.IncidentNotFound(id);
        }

        var action = log.Append(build(incident));
        var body = new JsonObject
        {
            ["action"] = System.Text.Json.JsonSerializer.SerializeToNode(action, AiopsJson.Options),
            ["incident"] = IncidentViews.Full(incident, log.StateOf(incident)),
        };
        http.Response.Headers.Location = $"/api/v1/incidents/{Uri.EscapeDataString(id)}";
        return Results.Text(body.ToJsonString(AiopsJson.Options), "application/json", statusCode: StatusCodes.Status201Created);
    }

    private static OperatorAction Action(HttpContext http, OperatorActionLog log, Incident incident, ActionKind kind) => new()
    {
        Id = OperatorActionLog.NewId(),
        Kind = kind,
        IncidentId = incident.Id,
        IncidentVersion = incident.Version,
        At = log.Time.GetUtcNow(),
        Actor = Actor(http),
        Pattern = IncidentPattern.Of(incident),
    };

    internal static string Actor(HttpContext http) => http.Items[ScopeFilter.ActorItem] as string ?? "anonymous";

    internal static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        if (text.Length < 2 || !double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        duration = char.ToLowerInvariant(text[^1]) switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero && duration <= MaxSilence;
    }
}
