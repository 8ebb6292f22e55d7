using System.Net;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.IntegrationTests.Support;
using AIOps.Server.Delivery;
using AIOps.Server.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.IntegrationTests.Delivery;

/// <summary>
/// The engine's notifier posts to a real Alertmanager, whose webhook receiver is a listener in the test: the
/// firing and the resolved notification must both arrive, and keep-alive must keep the alert active.
/// </summary>
public sealed class AlertmanagerNotifierTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("aiops-am-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task PublishAsync_OpenThenResolved_ReceiverGetsFiringThenResolvedNotification()
    {
        using var receiver = new HookListener();
        using var alertmanager = await AlertmanagerServer.StartAsync(receiver.Url);
        await using var sinks = DeliverySinks.Create(Options(alertmanager), "http://engine.test:8080", TimeProvider.System, NullLoggerFactory.Instance);
        var sut = Assert.Single(sinks.IncidentSinks);

        await sut.PublishAsync(DeliveryData.Incident("inc-am-1", 1), CancellationToken.None);
        var firing = await receiver.WaitForAsync(r => Notification(r, "inc-am-1", "firing"), Wait);

        var alert = JsonDocument.Parse(firing.Body).RootElement.GetProperty("alerts")[0];
        Assert.Equal("AIOpsIncident", alert.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal("error", alert.GetProperty("labels").GetProperty("severity").GetString());
        Assert.Equal("checkout,payments,payments-db", alert.GetProperty("labels").GetProperty("services").GetString());
        Assert.Equal("payments-db", alert.GetProperty("labels").GetProperty("top_cause").GetString());
        Assert.StartsWith("payments-db changed first", alert.GetProperty("annotations").GetProperty("root_cause").GetString(), StringComparison.Ordinal);
        Assert.Equal("http://engine.test:8080/api/v1/incidents/inc-am-1/rca", alert.GetProperty("annotations").GetProperty("report_url").GetString());

        // Three resend intervals (3 s) have passed: only the keep-alive keeps the alert from expiring.
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        Assert.Equal("active", await AlertStateAsync(alertmanager, "inc-am-1"));
        Assert.DoesNotContain(receiver.Requests, r => Notification(r, "inc-am-1", "resolved"));

        await sut.PublishAsync(DeliveryData.Incident("inc-am-1", 2, IncidentStatus.Resolved), CancellationToken.None);
        var resolved = await receiver.WaitForAsync(r => Notification(r, "inc-am-1", "resolved"), Wait);

        var ended = JsonDocument.Parse(resolved.Body).RootElement.GetProperty("alerts")[0];
        Assert.Equal(DeliveryData.T0.AddMinutes(10), ended.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(0, sinks.Alertmanager!.OpenCount);
    }

    [Fact]
    public async Task PublishAsync_AlertmanagerDownThenBack_NotificationArrivesAfterRestart()
    {
        using var receiver = new HookListener();
        using var alertmanager = await AlertmanagerServer.StartAsync(receiver.Url);
        await using var sinks = DeliverySinks.Create(Options(alertmanager), "http://engine.test:8080", TimeProvider.System, NullLoggerFactory.Instance);
        var sut = Assert.Single(sinks.IncidentSinks);
        var status = (ResilientSink<Incident>)sinks.Statuses.Single(s => s.Name == "alertmanager");

        alertmanager.Stop();
        await sut.PublishAsync(DeliveryData.Incident("inc-am-2", 1), CancellationToken.None);
        // Wait for the first retry instead of a fixed pause: on a loaded machine it can take longer than a second.
        var deadline = DateTime.UtcNow + Wait;
        while (status.Counts.Retried == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(status.Counts.InBuffer == 1, status.Counts.ToString());
        Assert.True(status.Counts.Retried > 0);

        await alertmanager.StartAsync();
        await receiver.WaitForAsync(r => Notification(r, "inc-am-2", "firing"), Wait);

        // The keep-alive may reach the restarted Alertmanager before the buffer's next attempt; Alertmanager
        // dedups the identical alert, so the receiver still hears of it once.
        Assert.True(await status.WaitIdleAsync(Wait), status.Counts.ToString());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, status.Counts.Delivered);
        Assert.Equal(0, status.Counts.Dropped);
        Assert.Single(receiver.Requests, r => Notification(r, "inc-am-2", "firing"));
    }

    private static bool Notification(HookRequest request, string incidentId, string status)
    {
        using var json = JsonDocument.Parse(request.Body);
        return json.RootElement.GetProperty("status").GetString() == status
            && json.RootElement.GetProperty("alerts").EnumerateArray().Any(a =>
                a.GetProperty("labels").GetProperty("incident_id").GetString() == incidentId
                && a.GetProperty("status").GetString() == status);
    }

    private static async Task<string?> AlertStateAsync(AlertmanagerServer server, string incidentId)
    {
        using var http = new HttpClient();
        var filter = Uri.EscapeDataString($"incident_id=\"{incidentId}\"");
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"{server.Url}/api/v2/alerts?filter={filter}")));
        return json.RootElement.EnumerateArray().Select(a => a.GetProperty("status").GetProperty("state").GetString()).FirstOrDefault();
    }

    private EngineOptions Options(AlertmanagerServer server) => new()
    {
        DataDirectory = _data.FullName,
        Alertmanager = { Url = server.Url, ResendInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(3) },
        Delivery =
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
            RetryMaxDelay = TimeSpan.FromMilliseconds(500),
            BreakDuration = TimeSpan.FromSeconds(1),
            MinimumThroughput = 3,
        },
    };
}
