using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.IntegrationTests.Support;
using AIOps.Server.Composition;
using AIOps.Server.Delivery;
using AIOps.Server.Demo;
using AIOps.Server.Options;
using AIOps.Server.Replay;
using AIOps.Server.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.IntegrationTests.Delivery;

/// <summary>
/// The demo outage through the real pipeline with every delivery sink on: signals and incident annotations land
/// in InfluxDB, every incident version reaches the webhook, and Alertmanager notifies the receiver.
/// </summary>
public sealed class EngineDeliveryTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("aiops-e2e-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task Pipeline_DemoOutage_HistoryInInfluxAndIncidentsReachWebhookAndAlertmanager()
    {
        using var influx = await InfluxServer.StartAsync();
        using var hook = new HookListener();
        using var amReceiver = new HookListener();
        using var alertmanager = await AlertmanagerServer.StartAsync(amReceiver.Url);
        var options = new EngineOptions
        {
            DataDirectory = _data.FullName,
            Influx = { Url = influx.WriteUrl, Bucket = InfluxServer.Database, FlushInterval = TimeSpan.FromMilliseconds(50) },
            Alertmanager = { Url = alertmanager.Url, ResendInterval = TimeSpan.FromSeconds(2) },
            Webhook = { Urls = [hook.Url], Secret = "e2e" },
        };
        var store = new MemoryIncidentStore();
        var published = new Recorder();
        var scenario = DemoScenario.Default(DateTimeOffset.UtcNow.AddHours(-2));
        var sinks = DeliverySinks.Create(options, "http://engine.test", TimeProvider.System, NullLoggerFactory.Instance);
        await using (sinks)
        {
            var composition = EngineComposition.Create(
                options, TimeProvider.System, store, new MemoryDeadLetterSink(), [published, .. sinks.IncidentSinks], [published, .. sinks.SignalSinks]);
            long offset = 0;
            foreach (var message in scenario.Messages())
            {
                var inbound = new InboundMessage(message.Topic, 0, offset++, Encoding.UTF8.GetBytes(message.Payload), InboundMessage.NoHeaders, message.EventTime, Encoding.UTF8.GetBytes(message.Key));
                await composition.Processor.ProcessAsync(inbound, CancellationToken.None);
            }

            // Quiet for an hour of event time: the incident resolves.
            await composition.Engine.AdvanceToAsync(composition.Engine.Watermark.AddHours(1), CancellationToken.None);

            foreach (var status in sinks.Statuses)
            {
                Assert.True(await status.WaitIdleAsync(Wait), $"{status.Name}: {status.Counts}");
            }

            var incident = Assert.Single(store.List(), i => i.RootCause?.Candidates.FirstOrDefault()?.Entity == DemoScenario.FaultEntity);
            Assert.Equal(IncidentStatus.Resolved, incident.Status);

            Assert.Equal(published.Signals.Count, await influx.CountAsync("aiops_signal", "score"));
            var annotations = await influx.QueryAsync($"SELECT status, version FROM aiops_incident WHERE incident_id = '{incident.Id}'");
            Assert.Contains(annotations, r => r[1].GetString() == "open");
            Assert.Contains(annotations, r => r[1].GetString() == "resolved" && r[2].GetInt64() == incident.Version);

            var versions = published.Incidents.Count;
            Assert.Equal(versions, hook.Requests.Count);
            Assert.Equal(
                published.Incidents.Select(i => $"{i.Id}:{i.Version}").Order(),
                hook.Requests.Select(r => r.Headers["X-AIOps-Delivery"]).Order());

            await amReceiver.WaitForAsync(r => Mentions(r, incident.Id, "firing"), Wait);
            await amReceiver.WaitForAsync(r => Mentions(r, incident.Id, "resolved"), Wait);
            Assert.All(sinks.Statuses, s => Assert.Equal(0, s.Counts.Dropped));
        }
    }

    private static bool Mentions(HookRequest request, string incidentId, string status)
    {
        using var json = JsonDocument.Parse(request.Body);
        return json.RootElement.GetProperty("alerts").EnumerateArray().Any(a =>
            a.GetProperty("labels").GetProperty("incident_id").GetString() == incidentId && a.GetProperty("status").GetString() == status);
    }

    private sealed class Recorder : IIncidentSink, ISignalSink
    {
        public ConcurrentQueue<Incident> Incidents { get; } = new();

        public ConcurrentQueue<Signal> Signals { get; } = new();

        public ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
        {
            Incidents.Enqueue(incident);
            return ValueTask.CompletedTask;
        }

        public ValueTask PublishAsync(Signal signal, CancellationToken cancellationToken)
        {
            Signals.Enqueue(signal);
            return ValueTask.CompletedTask;
        }
    }
}
