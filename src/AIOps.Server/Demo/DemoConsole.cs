using AIOps.Server.Api;
using AIOps.Server.Api.Actions;
using AIOps.Server.Hosting;
using AIOps.Server.Options;
using AIOps.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AIOps.Server.Demo;

/// <summary>`aiops demo --serve`: the web console and API over the demo's incidents (open API on loopback, actions in memory).</summary>
internal sealed class DemoConsole : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly OperatorActionLog _actions;

    private DemoConsole(WebApplication app, OperatorActionLog actions)
    {
        _app = app;
        _actions = actions;
    }

    public static async Task<DemoConsole> StartAsync(string urls, MemoryIncidentStore store, EngineRuntime runtime, EngineOptions options, TextWriter announce, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Api.Security.OpenApiBinding.LoopbackOnly(urls, out _));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var actions = new OperatorActionLog(null, TimeProvider.System);
        actions.AttachPriors(runtime.Composition.Priors);
        var app = ServeHost.BuildApp(builder, store, actions, new ApiOptions(), out var status);
        status.Kafka = runtime.BootstrapServers;
        status.Topology = runtime.Composition.Topology;
        status.RulesDirectory = options.ResolveRulesDirectory();
        status.MessagesHandled = () => runtime.Consumer.MessagesHandled;
        status.DeadLetters = () => runtime.DeadLetters;
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        await announce.WriteLineAsync($"Web console: {app.Urls.First()}/  (open API on loopback; reference at /docs)").ConfigureAwait(false);
        return new DemoConsole(app, actions);
    }

    /// <summary>Signalled when the host stops (Ctrl+C or SIGTERM reach the host's lifetime first).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public async Task ServeUntilCancelledAsync(TextWriter announce, CancellationToken cancellationToken)
    {
        await announce.WriteLineAsync($"Serving the console at {_app.Urls.First()}/ until Ctrl+C.").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _actions.Dispose();
    }
}
