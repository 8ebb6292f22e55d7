using System.Text.Json;
using System.Text.Json.Nodes;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Serialization;
using AIOps.Server.Api.Actions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AIOps.Server.Api;

/// <summary>The read side of incidents: filtered pages, one incident with ETag, its root-cause report, the live stream.</summary>
internal static class IncidentApi
{
    public static RouteGroupBuilder MapIncidentQueries(this RouteGroupBuilder api)
    {
        api.MapGet("/incidents", List)
            .WithName("listIncidents")
            .WithSummary("Incidents, newest first, with their operator state")
            .WithDescription("Filters: status (open = open or acknowledged; acknowledged, silenced, noise, resolved, all), severity (minimum), service (an affected entity), from/to (RFC 3339, incidents overlapping the range), q (text in id, title, entities, top cause). Silenced and noise incidents are hidden unless suppressed=true, incidents merged into another unless merged=true (status=all shows both). Pages: limit (1..1000, default 50) and offset; nextOffset is null on the last page.")
            .Produces<JsonObject>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/incidents/stream", StreamAsync)
            .WithName("streamIncidents")
            .WithSummary("Server-sent events: 'incident' on every new incident version, 'action' on every operator action")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        api.MapGet("/incidents/{id}", Get)
            .WithName("getIncident")
            .WithSummary("One incident (highest version) with its operator state; ETag per version, If-None-Match gives 304")
            .Produces<JsonObject>(contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/incidents/{id}/rca", (IIncidentStore store, string id) =>
                store.Get(id) is { } incident
                    ? Results.Json(new { incidentId = incident.Id, version = incident.Version, report = incident.RootCause }, AiopsJson.Options)
                    : ApiProblems.IncidentNotFound(id))
            .WithName("getRootCause")
            .WithSummary("The ranked causes of one incident with evidence and explanations")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/incidents/{id}/observations", (IIncidentStore store, SignalHistory history, string id) =>
                store.Get(id) is null ? ApiProblems.IncidentNotFound(id) : Results.Json(new { incidentId = id, series = history.Of(id) }, AiopsJson.Options))
            .WithName("getObservations")
            .WithSummary("Each anomaly signal's observed values over time, from the incident's versions since the server started")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static IResult List(
        IIncidentStore store,
        OperatorActionLog actions,
        string? status,
        string? severity,
        string? service,
        string? from,
        string? to,
        string? q,
        bool? suppressed,
        int? limit,
        int? offset,
        bool? merged)
    {
        var query = IncidentQuery.Parse(status, severity, service, from, to, q, suppressed, limit, offset, merged);
        if (query.Error is { } error)
        {
            return ApiProblems.BadRequest(error);
        }

        var matching = new List<JsonObject>();
        var total = 0;
        foreach (var incident in store.List())
        {
            var state = actions.StateOf(incident);
            if (!query.Matches(incident, state))
            {
                continue;
            }

            if (total >= query.Offset && matching.Count < query.Limit)
            {
                matching.Add(IncidentViews.Full(incident, state));
            }

            total++;
        }

        var next = query.Offset + matching.Count < total ? query.Offset + matching.Count : (int?)null;
        var page = new JsonObject
        {
            ["incidents"] = new JsonArray([.. matching]),
            ["total"] = total,
            ["limit"] = query.Limit,
            ["offset"] = query.Offset,
            ["nextOffset"] = next,
        };
        return Results.Text(page.ToJsonString(AiopsJson.Options), "application/json");
    }

    private static IResult Get(HttpContext http, IIncidentStore store, OperatorActionLog actions, string id)
    {
        if (store.Get(id) is not { } incident)
        {
            return ApiProblems.IncidentNotFound(id);
        }

        var etag = IncidentViews.ETag(incident, actions.Revision);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(t => t.Trim() == etag))))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Text(IncidentViews.Full(incident, actions.StateOf(incident)).ToJsonString(AiopsJson.Options), "application/json");
    }

    private static async Task StreamAsync(HttpContext http, IncidentFeed feed, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // nginx: do not buffer the stream
        var events = feed.Subscribe(cancellationToken);
        await http.Response.WriteAsync("retry: 2000\nevent: hello\ndata: {}\n\n", cancellationToken).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // A comment line every 15 s keeps proxies from closing an idle stream.
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                string chunk;
                try
                {
                    var item = await events.ReadAsync(heartbeat.Token).ConfigureAwait(false);
                    chunk = $"event: {item.Type}\ndata: {item.Json}\n\n";
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    chunk = ": ping\n\n";
                }

                await http.Response.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
        }
    }

    /// <summary>Turns store and action-log notifications into stream events.</summary>
    public static void Connect(IncidentFeed feed, SignalHistory history, IIncidentStore store, OperatorActionLog actions)
    {
        foreach (var incident in store.List())
        {
            history.Record(incident);
        }

        if (store is Storage.IIncidentStoreEvents events)
        {
            events.Stored += incident =>
            {
                history.Record(incident);
                feed.Publish(new FeedEvent("incident", IncidentViews.Summary(incident, actions.StateOf(incident))));
            };
        }

        actions.Appended += action => feed.Publish(new FeedEvent("action", JsonSerializer.Serialize(action, AiopsJson.Options)));
    }
}
