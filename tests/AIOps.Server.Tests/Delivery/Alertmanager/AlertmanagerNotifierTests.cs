using System.Net;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Server.Delivery;
using AIOps.Server.Delivery.Alertmanager;
using AIOps.Server.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AIOps.Server.Tests.Delivery.Alertmanager;

public sealed class AlertmanagerNotifierTests
{
    private static readonly DateTimeOffset Now = TestIncidents.T0.AddHours(1);
    private readonly RecordingHandler _handler = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly AlertmanagerOptions _options = new() { Url = "http://am:9093/", ResendInterval = TimeSpan.FromMinutes(1) };

    [Fact]
    public async Task PublishAsync_OpenIncident_PostsAlertThatEndsThreeIntervalsAhead()
    {
        var sut = Create();

        await sut.PublishAsync(TestIncidents.Create("inc-1", 1), CancellationToken.None);

        var (request, body) = Assert.Single(_handler.Requests);
        Assert.Equal("http://am:9093/api/v2/alerts", request.RequestUri!.ToString());
        var alert = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray().ToList());
        var labels = alert.GetProperty("labels");
        Assert.Equal("AIOpsIncident", labels.GetProperty("alertname").GetString());
        Assert.Equal("inc-1", labels.GetProperty("incident_id").GetString());
        Assert.Equal("error", labels.GetProperty("severity").GetString());
        Assert.Equal("db", labels.GetProperty("services").GetString());
        Assert.Equal("db", labels.GetProperty("top_cause").GetString());
        var annotations = alert.GetProperty("annotations");
        Assert.Equal("db: first.", annotations.GetProperty("root_cause").GetString());
        Assert.Equal("http://engine:8080/api/v1/incidents/inc-1/rca", annotations.GetProperty("report_url").GetString());
        Assert.Equal(TestIncidents.T0, alert.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(Now.AddMinutes(3), alert.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal("http://engine:8080/api/v1/incidents/inc-1", alert.GetProperty("generatorURL").GetString());
        Assert.Equal(1, sut.OpenCount);
    }

    [Fact]
    public async Task PublishAsync_Resolved_EndsAtResolveTimeAndStopsKeepAlive()
    {
        var sut = Create();
        await sut.PublishAsync(TestIncidents.Create("inc-1", 1), CancellationToken.None);
        var resolvedAt = TestIncidents.T0.AddMinutes(20);

        await sut.PublishAsync(TestIncidents.Create("inc-1", 2, IncidentStatus.Resolved) with { ResolvedAt = resolvedAt }, CancellationToken.None);
        await sut.ResendOpenAsync(CancellationToken.None);

        Assert.Equal(2, _handler.Requests.Count);
        var alert = JsonDocument.Parse(_handler.Requests[1].Body).RootElement[0];
        Assert.Equal(resolvedAt, alert.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(0, sut.OpenCount);
    }

    [Fact]
    public async Task ResendOpenAsync_AfterAnInterval_RepostsWithFreshEndsAt()
    {
        var sut = Create();
        await sut.PublishAsync(TestIncidents.Create("inc-1", 1), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        await sut.ResendOpenAsync(CancellationToken.None);

        var alert = JsonDocument.Parse(_handler.Requests[1].Body).RootElement[0];
        Assert.Equal(Now.AddMinutes(4), alert.GetProperty("endsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task PublishAsync_ServicesChanged_ResolvesTheAlertUnderTheOldLabels()
    {
        var sut = Create();
        await sut.PublishAsync(TestIncidents.Create("inc-1", 1), CancellationToken.None);

        await sut.PublishAsync(TestIncidents.Create("inc-1", 2) with { Entities = ["db", "api"] }, CancellationToken.None);

        var alerts = JsonDocument.Parse(_handler.Requests[1].Body).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Equal("api,db", alerts[0].GetProperty("labels").GetProperty("services").GetString());
        Assert.Equal("db", alerts[1].GetProperty("labels").GetProperty("services").GetString());
        Assert.Equal(Now, alerts[1].GetProperty("endsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task PublishAsync_OlderVersionAfterNewer_IsIgnored()
    {
        var sut = Create();
        await sut.PublishAsync(TestIncidents.Create("inc-1", 3, IncidentStatus.Resolved) with { ResolvedAt = Now }, CancellationToken.None);

        await sut.PublishAsync(TestIncidents.Create("inc-1", 2), CancellationToken.None);

        Assert.Single(_handler.Requests);
        Assert.Equal(0, sut.OpenCount);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, typeof(PermanentDeliveryException))]
    [InlineData(HttpStatusCode.ServiceUnavailable, typeof(HttpRequestException))]
    public async Task PublishAsync_ErrorStatus_ThrowsForTheBufferToDecide(HttpStatusCode status, Type expected)
    {
        _handler.Status = status;
        var sut = Create();

        var ex = await Record.ExceptionAsync(() => sut.PublishAsync(TestIncidents.Create("inc-1", 1), CancellationToken.None).AsTask());

        Assert.IsType(expected, ex);
    }

    private AlertmanagerNotifier Create() =>
        new(new HttpClient(_handler), _options, "http://engine:8080", _time, NullLogger.Instance);
}
