using AIOps.Core.Ports;
using AIOps.Server.Api;
using AIOps.Server.Delivery;
using AIOps.Server.Options;
using AIOps.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AIOps.Server.Hosting;

/// <summary>`aiops serve`: the engine consuming Kafka, the incident store, and the HTTP API, until stopped.</summary>
public static class ServeHost
{
    public static async Task<int> RunAsync(EngineOptions options, TextWriter announce, CancellationToken cancellationToken)
    {
        using var store = new FileIncidentStore(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        var app = BuildApp(builder, store, out var status);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AIOps.Engine");

        // Outbound receivers (InfluxDB, Alertmanager, webhooks) sit behind resilient buffers; disposing spills what is left.
        await using var delivery = DeliverySinks.Create(options, options.Urls.Split(';')[0], TimeProvider.System, app.Services.GetRequiredService<ILoggerFactory>());
        using var runtime = EngineRuntime.Create(options, TimeProvider.System, store, message => logger.LogInformation("{Message}", message), delivery.IncidentSinks, delivery.SignalSinks);
        status.Kafka = runtime.BootstrapServers;
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var embedded = runtime.EmbeddedCluster is null ? string.Empty : " (embedded broker: produce here with kcat -b ADDRESS -t telemetry.metrics -P)";
        await announce.WriteLineAsync($"Kafka bootstrap: {runtime.BootstrapServers}{embedded}").ConfigureAwait(false);
        await announce.WriteLineAsync($"HTTP API: {string.Join(", ", app.Urls)}/api/v1/incidents").ConfigureAwait(false);
        await announce.WriteLineAsync($"Consuming: {string.Join(", ", runtime.Consumer.Topics)}").ConfigureAwait(false);
        await announce.FlushAsync(cancellationToken).ConfigureAwait(false);

        var exitCode = 0;
        try
        {
            await runtime.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            status.Healthy = false;
            status.Error = ex.Message;
            logger.LogError(ex, "ingest loop stopped");
            exitCode = 1;
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>The HTTP surface over a store; tests host it on a free port with an in-memory store.</summary>
    public static WebApplication BuildApp(WebApplicationBuilder builder, IIncidentStore store, out EngineStatus status)
    {
        status = new EngineStatus();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(status);
        var app = builder.Build();
        app.MapIncidentApi();
        return app;
    }
}
