using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AIOps.Server.Api;

/// <summary>The read API over the incident store: list, one incident, its root-cause report, health.</summary>
public static class IncidentApi
{
    public static IEndpointRouteBuilder MapIncidentApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (EngineStatus status) => status.Healthy
            ? Results.Json(new { status = "ok", status.Kafka }, AiopsJson.Options)
            : Results.Json(new { status = "unhealthy", status.Kafka, status.Error }, AiopsJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable));

        var api = app.MapGroup("/api/v1/incidents");
        api.MapGet("/", (IIncidentStore store, string? status, int? limit) =>
        {
            IEnumerable<Incident> incidents = store.List();
            if (status is not null)
            {
                if (!Enum.TryParse<IncidentStatus>(status, ignoreCase: true, out var wanted))
                {
                    return Problem(StatusCodes.Status400BadRequest, "invalid status", $"status must be open or resolved, not '{status}'");
                }

                incidents = incidents.Where(i => i.Status == wanted);
            }

            return Results.Json(new { incidents = incidents.Take(Math.Clamp(limit ?? 100, 1, 1000)).ToList() }, AiopsJson.Options);
        });
        api.MapGet("/{id}", (IIncidentStore store, string id) =>
            store.Get(id) is { } incident ? Results.Json(incident, AiopsJson.Options) : NotFound(id));
        api.MapGet("/{id}/rca", (IIncidentStore store, string id) =>
            store.Get(id) is { } incident
                ? Results.Json(new { incidentId = incident.Id, version = incident.Version, report = incident.RootCause }, AiopsJson.Options)
                : NotFound(id));
        return app;
    }

    private static IResult NotFound(string id) => Problem(StatusCodes.Status404NotFound, "incident not found", $"no incident with id '{id}'");

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);
}
