using AIOps.Core.Ports;
using AIOps.Server.Api.Actions;
using AIOps.Server.Api.Security;
using AIOps.Server.Options;
using AIOps.Server.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Server.Api;

/// <summary>
/// Registers and maps the whole HTTP surface: /api/v1 (read scope for queries, write scope for actions),
/// /openapi/v1.json, /healthz, and the web console at /. Tokens are checked per endpoint group, so a refused
/// request never reaches a handler and changes nothing.
/// </summary>
public static class ApiSetup
{
    public static IServiceCollection AddAiopsApi(this IServiceCollection services, IIncidentStore store, OperatorActionLog actions, ApiOptions options, EngineStatus status)
    {
        var feed = new IncidentFeed();
        var history = new SignalHistory();
        IncidentApi.Connect(feed, history, store, actions);
        services.AddSingleton(history);
        services.AddSingleton(store);
        services.AddSingleton(actions);
        services.AddSingleton(status);
        services.AddSingleton(feed);
        services.AddSingleton(new TokenAuthenticator(options));
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<ApiDocument>());
        return services;
    }

    public static WebApplication MapAiopsApi(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<TokenAuthenticator>();
        app.UseStatusCodePages(); // bare 404/405 from routing become problem+json too
        app.MapHealth();
        app.MapOpenApi("/openapi/{documentName}.json");

        var read = app.MapGroup("/api/v1").WithTags("read").AddEndpointFilter(new ScopeFilter(auth, ApiScopes.Read))
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        read.MapIncidentQueries();
        read.MapActionQueries();
        read.MapEngineQueries();

        var write = app.MapGroup("/api/v1").WithTags("write").AddEndpointFilter(new ScopeFilter(auth, ApiScopes.Write))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        write.MapIncidentActions();
        write.MapSilenceCommands();
        write.MapEngineCommands();

        app.MapWebConsole();
        return app;
    }
}
