using AIOps.Core.Ports;
using AIOps.Server.Api;
using AIOps.Server.Api.Actions;
using AIOps.Server.Api.Security;
using AIOps.Server.Configuration;
using AIOps.Server.Delivery;
using AIOps.Server.Options;
using AIOps.Server.Storage;
using AIOps.Server.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AIOps.Server.Hosting;

/// <summary>`aiops serve`: the engine consuming Kafka, the incident store, and the HTTP API, until stopped.</summary>
public static class ServeHost
{
    /// <param name="configureLogging">Extra log providers after the configured console one (tests capture logs with it).</param>
    public static async Task<int> RunAsync(EngineOptions options, TextWriter announce, CancellationToken cancellationToken, Action<ILoggingBuilder>? configureLogging = null)
    {
        using var store = new FileIncidentStore(options.DataDirectory);
        using var actions = new OperatorActionLog(options.DataDirectory, TimeProvider.System);
        var open = options.Api.Tokens.Count == 0;
        var urls = open ? OpenApiBinding.LoopbackOnly(options.Urls, out _) : options.Urls;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.AddEngineTelemetry(options.Telemetry);
        configureLogging?.Invoke(builder.Logging);
        // Disposing the app disposes the OpenTelemetry providers, which flushes the last metrics, spans and logs.
        await using var app = BuildApp(builder, store, actions, options.Api, out var status);
        app.MapEngineTelemetry(options.Telemetry);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AIOps.Engine");
        logger.LogInformation("effective configuration {Configuration}", SecretMasker.ToMaskedJsonText(options, indented: false));

        // Outbound receivers (InfluxDB, Alertmanager, webhooks) sit behind resilient buffers; disposing spills what is left.
        await using var delivery = DeliverySinks.Create(options, options.Urls.Split(';')[0], TimeProvider.System, app.Services.GetRequiredService<ILoggerFactory>(), incident => actions.StateOf(incident).Suppressed);
        var scrubber = new SecretScrubber(options);
        using var runtime = EngineRuntime.Create(options, TimeProvider.System, store, message => logger.LogInformation("{Message}", scrubber.Scrub(message)), delivery.IncidentSinks, delivery.SignalSinks);
        status.Kafka = runtime.BootstrapServers;
        status.Topology = runtime.Composition.Topology;
        status.RulesDirectory = options.ResolveRulesDirectory();
        status.MessagesHandled = () => runtime.Consumer.MessagesHandled;
        status.DeadLetters = () => runtime.DeadLetters;
        status.Silences = runtime.Composition.Correlator.Silences;
        actions.AttachPriors(runtime.Composition.Priors);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var embedded = runtime.EmbeddedCluster is null ? string.Empty : " (embedded broker: produce here with kcat -b ADDRESS -t telemetry.metrics -P)";
        await announce.WriteLineAsync($"Kafka bootstrap: {runtime.BootstrapServers}{embedded}").ConfigureAwait(false);
        await announce.WriteLineAsync($"HTTP API: {string.Join(", ", app.Urls)}/api/v1/incidents").ConfigureAwait(false);
        await announce.WriteLineAsync($"Web console: {app.Urls.First()}/  (API reference: /docs, OpenAPI: /openapi/v1.json)").ConfigureAwait(false);
        await announce.WriteLineAsync(open
            ? $"API access: OPEN (no Api.Tokens configured), so listening on loopback only{(urls != options.Urls ? $" instead of {options.Urls}" : string.Empty)}"
            : $"API access: bearer token required ({options.Api.Tokens.Count} token(s) configured)").ConfigureAwait(false);
        await announce.WriteLineAsync($"Consuming: {string.Join(", ", runtime.Consumer.Topics)}").ConfigureAwait(false);
        await announce.FlushAsync(cancellationToken).ConfigureAwait(false);

        var exitCode = 0;
        // The web host handles Ctrl+C and SIGTERM (Kubernetes, systemd, docker stop) by stopping itself; stop consuming then too.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            await runtime.RunAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            status.Healthy = false;
            status.Error = scrubber.Scrub(ex.Message);
            logger.LogError("ingest loop stopped: {Error}", scrubber.Scrub(ex.ToString()));
            exitCode = 1;
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>The HTTP surface over a store with an open API and actions kept in memory (tests).</summary>
    public static WebApplication BuildApp(WebApplicationBuilder builder, IIncidentStore store, out EngineStatus status) =>
        BuildApp(builder, store, new OperatorActionLog(null, TimeProvider.System), new ApiOptions(), out status);

    /// <summary>The HTTP surface: API, OpenAPI document and web console over a store and an action log.</summary>
    public static WebApplication BuildApp(WebApplicationBuilder builder, IIncidentStore store, OperatorActionLog actions, ApiOptions api, out EngineStatus status)
    {
        status = new EngineStatus();
        builder.Services.AddAiopsApi(store, actions, api, status);
        var app = builder.Build();
        app.MapAiopsApi();
        return app;
    }
}
