using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Serialization;
using AIOps.Server.Hosting;
using AIOps.Server.Options;
using AIOps.Server.Storage;
using Confluent.Kafka;

namespace AIOps.Server.Demo;

/// <summary>
/// `aiops demo`: an embedded broker, the engine consuming it, and a real Kafka producer playing
/// <see cref="DemoScenario"/> into it. Prints incidents as they form, then the final state.
/// </summary>
public static class DemoRunner
{
    public static Task<int> RunAsync(bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(json, null, stdout, stderr, cancellationToken);

    /// <param name="serveUrls">When set, the web console and API serve the demo's incidents there, and keep serving after it until cancelled.</param>
    public static async Task<int> RunAsync(bool json, string? serveUrls, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var scenario = DemoScenario.Default(time.GetUtcNow());
        // Event time only: the scenario's hour is replayed in seconds, so wall-clock idling must not move the clock.
        var options = new EngineOptions { AdvanceClockWhenIdle = false, PersistState = false };
        var store = new MemoryIncidentStore();
        var printer = new IncidentPrinter(json ? TextWriter.Null : stdout);
        using var runtime = EngineRuntime.Create(options, time, store, _ => { }, [printer]);
        await using var web = serveUrls is null ? null : await DemoConsole.StartAsync(serveUrls, store, runtime, options, stderr, cancellationToken).ConfigureAwait(false);
        // The web host takes over Ctrl+C and SIGTERM (it stops itself); follow it so the demo ends too.
        using var hostStopping = web is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, web.Stopping);
        cancellationToken = hostStopping?.Token ?? cancellationToken;
        await stderr.WriteLineAsync($"Embedded Kafka at {runtime.BootstrapServers}; simulating frontend -> checkout -> payments -> payments-db, one hour in 15 s steps.").ConfigureAwait(false);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var consuming = runtime.RunAsync(stop.Token);
        var produced = await ProduceAsync(runtime.BootstrapServers, scenario, cancellationToken).ConfigureAwait(false);
        await stderr.WriteLineAsync($"Produced {produced} messages (Influx line protocol, prometheus-kafka-adapter JSON, Fluent Bit logs, an Alertmanager webhook, change events).").ConfigureAwait(false);

        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(90);
        while (runtime.Consumer.MessagesHandled < produced && time.GetUtcNow() < deadline && !consuming.IsCompleted)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await consuming.ConfigureAwait(false);
        if (runtime.Consumer.MessagesHandled < produced)
        {
            await stderr.WriteLineAsync($"Only {runtime.Consumer.MessagesHandled} of {produced} messages were processed in time.").ConfigureAwait(false);
            return 1;
        }

        var incidents = store.List();
        if (json)
        {
            var output = new
            {
                injectedFault = new { entity = DemoScenario.FaultEntity, kind = "config change making queries slow", at = scenario.FaultTime },
                messages = produced,
                deadLetters = runtime.DeadLetters,
                incidents,
            };
            await stdout.WriteLineAsync(JsonSerializer.Serialize(output, AiopsJson.Indented)).ConfigureAwait(false);
        }
        else
        {
            await IncidentText.WriteSummaryAsync(stdout, incidents, DemoScenario.FaultEntity).ConfigureAwait(false);
        }

        if (web is not null)
        {
            await web.ServeUntilCancelledAsync(stderr, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> ProduceAsync(string bootstrap, DemoScenario scenario, CancellationToken cancellationToken)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 5, EnableIdempotence = true, Acks = Acks.All };
        using var producer = new ProducerBuilder<string, string>(config).Build();
        var count = 0;
        foreach (var message in scenario.Messages())
        {
            producer.Produce(message.Topic, new Message<string, string>
            {
                Key = message.Key,
                Value = message.Payload,
                Timestamp = new Timestamp(message.EventTime),
            });
            count++;
        }

        await Task.Run(() => producer.Flush(cancellationToken), cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Prints each incident version as it is published.</summary>
    private sealed class IncidentPrinter(TextWriter output) : IIncidentSink
    {
        public async ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken) =>
            await IncidentText.WriteVersionAsync(output, incident).ConfigureAwait(false);
    }
}
