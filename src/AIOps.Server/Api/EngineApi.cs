using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Serialization;
using AIOps.Correlation.Topology;
using AIOps.Server.Api.Actions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AIOps.Server.Api;

/// <summary>The engine around the incidents: topology view and reload, counters, health.</summary>
internal static class EngineApi
{
    private static readonly Lock ReloadGate = new();

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (EngineStatus status) => status.Healthy
                ? Results.Json(new { status = "ok", status.Kafka }, AiopsJson.Options)
                : Results.Json(new { status = "unhealthy", status.Kafka, status.Error }, AiopsJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithName("health").WithSummary("Liveness of the ingest loop (no token needed)").WithTags("engine");
        return app;
    }

    public static RouteGroupBuilder MapEngineQueries(this RouteGroupBuilder read)
    {
        read.MapGet("/topology", (EngineStatus status) =>
            {
                var document = Document(status);
                var edges = status.Topology.Edges();
                var services = document?.Services ?? [];
                var names = edges.SelectMany(e => new[] { e.Caller, e.Callee }).Concat(services.Select(s => s.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                var nodes = names.Select(n => services.FirstOrDefault(s => s.Name == n) is { } s
                    ? new { name = n, owner = s.Owner, hosts = (IReadOnlyList<string>)s.Hosts }
                    : new { name = n, owner = (string?)null, hosts = (IReadOnlyList<string>)[] });
                return Results.Json(
                    new
                    {
                        nodes,
                        edges = edges.OrderBy(e => e.Caller, StringComparer.Ordinal).ThenBy(e => e.Callee, StringComparer.Ordinal)
                            .Select(e => new { caller = e.Caller, callee = e.Callee, source = e.Static ? "topology.yaml" : "spans", lastSeen = e.Static ? (DateTimeOffset?)null : e.LastSeen }),
                    },
                    AiopsJson.Options);
            })
            .WithName("getTopology").WithSummary("The dependency graph: services (owner, hosts) and call edges (from topology.yaml or learned from spans)");
        read.MapGet("/metrics", (EngineStatus status, IIncidentStore store, OperatorActionLog actions, IncidentFeed feed) =>
            {
                var incidents = store.List();
                var all = actions.All();
                return Results.Json(
                    new
                    {
                        incidentsOpen = incidents.Count(i => i.Status == IncidentStatus.Open),
                        incidentsResolved = incidents.Count(i => i.Status == IncidentStatus.Resolved),
                        acknowledgements = all.Count(a => a.Kind == ActionKind.Acknowledge),
                        silencesActive = actions.ActiveSilences().Count,
                        feedback = all.Count(a => a.Kind == ActionKind.Feedback),
                        messagesHandled = status.MessagesHandled?.Invoke(),
                        deadLetters = status.DeadLetters?.Invoke(),
                        streamSubscribers = feed.Subscribers,
                        topologyEdges = status.Topology.Edges().Count,
                    },
                    AiopsJson.Options);
            })
            .WithName("getMetrics").WithSummary("Engine and API counters as JSON");
        return read;
    }

    public static RouteGroupBuilder MapEngineCommands(this RouteGroupBuilder write)
    {
        write.MapPost("/rules/reload", (EngineStatus status) =>
            {
                var file = status.RulesDirectory is null ? null : Path.Combine(status.RulesDirectory, "topology.yaml");
                if (file is null || !File.Exists(file))
                {
                    return ApiProblems.Create(StatusCodes.Status409Conflict, "no topology file", $"the engine has no topology.yaml to reload (rules directory: {status.RulesDirectory ?? "none"})");
                }

                TopologyDocument document;
                try
                {
                    // Parse before touching the graph: a broken file leaves the running topology as it was.
                    document = TopologyFile.Parse(File.ReadAllText(file), file);
                }
                catch (InvalidDataException ex)
                {
                    return ApiProblems.Create(StatusCodes.Status422UnprocessableEntity, "invalid topology", ex.Message);
                }

                lock (ReloadGate)
                {
                    var before = status.Topology.Edges().Count;
                    TopologyFile.Apply(document, status.Topology);
                    status.TopologyDocument = document;
                    return Results.Json(
                        new
                        {
                            file,
                            services = document.Services.Count,
                            edgesBefore = before,
                            edgesAfter = status.Topology.Edges().Count,
                            note = "new services and edges apply at once; edges removed from the file stay until restart",
                        },
                        AiopsJson.Options);
                }
            })
            .WithName("reloadRules").WithSummary("Reload rules: re-reads topology.yaml into the running dependency graph")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return write;
    }

    private static TopologyDocument? Document(EngineStatus status)
    {
        if (status.TopologyDocument is null && status.RulesDirectory is { } dir && File.Exists(Path.Combine(dir, "topology.yaml")))
        {
            try
            {
                status.TopologyDocument = TopologyFile.Parse(File.ReadAllText(Path.Combine(dir, "topology.yaml")));
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        return status.TopologyDocument;
    }
}
