using System.Net;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.IntegrationTests.Support;
using AIOps.Server.Delivery;
using AIOps.Server.Delivery.Webhook;
using AIOps.Server.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.IntegrationTests.Delivery;

/// <summary>Signed JSON webhooks over real HTTP through the production wiring (resilient buffer per URL).</summary>
public sealed class WebhookNotifierTests : IDisposable
{
    private const string Secret = "webhook-test-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("aiops-hook-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task PublishAsync_EveryVersion_ArrivesSignedAndVerifiable()
    {
        using var receiver = new HookListener();
        await using var sinks = DeliverySinks.Create(Options(receiver), "http://engine", TimeProvider.System, NullLoggerFactory.Instance);
        var sut = Assert.Single(sinks.IncidentSinks);

        await sut.PublishAsync(DeliveryData.Incident("inc-h-1", 1), CancellationToken.None);
        await sut.PublishAsync(DeliveryData.Incident("inc-h-1", 2, IncidentStatus.Resolved), CancellationToken.None);
        await receiver.WaitForAsync(r => r.Headers.GetValueOrDefault("X-AIOps-Delivery") == "inc-h-1:2", Wait);

        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.True(WebhookSignature.Verify(Secret, r.Body, r.Headers["X-AIOps-Signature"])));
        Assert.All(receiver.Requests, r => Assert.False(WebhookSignature.Verify("wrong", r.Body, r.Headers["X-AIOps-Signature"])));
        var versions = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("version").GetInt64());
        Assert.Equal([1L, 2L], versions);
    }

    [Fact]
    public async Task PublishAsync_ReceiverFailsFirstThreeRequests_NotificationAcceptedExactlyOnce()
    {
        using var receiver = new HookListener { Respond = (n, _) => n <= 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK };
        await using var sinks = DeliverySinks.Create(Options(receiver), "http://engine", TimeProvider.System, NullLoggerFactory.Instance);
        var sut = Assert.Single(sinks.IncidentSinks);
        var status = Assert.Single(sinks.Statuses);

        await sut.PublishAsync(DeliveryData.Incident("inc-h-2", 1), CancellationToken.None);
        await receiver.WaitForAsync(r => r.Status == HttpStatusCode.OK, Wait);
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a wrong duplicate to show up

        Assert.Equal(4, receiver.Requests.Count);
        Assert.Single(receiver.Requests, r => r.Status == HttpStatusCode.OK);
        Assert.All(receiver.Requests, r => Assert.Equal("inc-h-2:1", r.Headers["X-AIOps-Delivery"]));
        Assert.Equal(new DeliveryCounts(1, 1, 3, 0, 0, 0, 0, 0), status.Counts);
    }

    [Fact]
    public async Task PublishAsync_OneOfTwoReceiversFailing_HealthyOneGetsNoDuplicate()
    {
        using var healthy = new HookListener();
        using var flaky = new HookListener { Respond = (n, _) => n <= 2 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK };
        var options = Options(healthy);
        options.Webhook.Urls.Add(flaky.Url);
        await using var sinks = DeliverySinks.Create(options, "http://engine", TimeProvider.System, NullLoggerFactory.Instance);
        Assert.Equal(2, sinks.IncidentSinks.Count);

        foreach (var sink in sinks.IncidentSinks)
        {
            await sink.PublishAsync(DeliveryData.Incident("inc-h-3", 1), CancellationToken.None);
        }

        await flaky.WaitForAsync(r => r.Status == HttpStatusCode.OK, Wait);
        foreach (var status in sinks.Statuses)
        {
            Assert.True(await status.WaitIdleAsync(Wait));
        }

        Assert.Single(healthy.Requests);
        Assert.Equal(3, flaky.Requests.Count);
        Assert.Single(flaky.Requests, r => r.Status == HttpStatusCode.OK);
    }

    private EngineOptions Options(HookListener receiver) => new()
    {
        DataDirectory = _data.FullName,
        Webhook = { Urls = [receiver.Url], Secret = Secret },
        Delivery =
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            RetryMaxDelay = TimeSpan.FromMilliseconds(300),
            MaxRetryAttempts = 5,
            MinimumThroughput = 10,
        },
    };
}
