using AIOps.Core.Model;
using AIOps.RootCause.Incidents;
using AIOps.Server.Api;
using AIOps.Server.Api.Actions;
using AIOps.Server.Hosting;
using AIOps.Server.Options;
using AIOps.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AIOps.Server.Tests.Api;

/// <summary>The real HTTP surface on Kestrel (loopback, free port) over an in-memory store and an action log.</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, MemoryIncidentStore store, OperatorActionLog actions, EngineStatus status, CausePriors priors)
    {
        _app = app;
        Store = store;
        Actions = actions;
        Status = status;
        Priors = priors;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public MemoryIncidentStore Store { get; }

    public OperatorActionLog Actions { get; }

    public EngineStatus Status { get; }

    public CausePriors Priors { get; }

    public HttpClient Http { get; }

    public static async Task<ApiHost> StartAsync(ApiOptions? options = null, string? dataDirectory = null, params Incident[] incidents)
    {
        var store = new MemoryIncidentStore();
        foreach (var incident in incidents)
        {
            await store.PublishAsync(incident, default);
        }

        var actions = new OperatorActionLog(dataDirectory, TimeProvider.System);
        var priors = new CausePriors();
        actions.AttachPriors(priors);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = ServeHost.BuildApp(builder, store, actions, options ?? new ApiOptions(), out var status);
        await app.StartAsync();
        return new ApiHost(app, store, actions, status, priors);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        Actions.Dispose();
    }
}
