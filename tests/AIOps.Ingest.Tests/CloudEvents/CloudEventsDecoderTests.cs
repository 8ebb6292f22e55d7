using AIOps.Core.Model;
using AIOps.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace AIOps.Ingest.Tests.CloudEvents;

public sealed class CloudEventsDecoderTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 16, 1, 0, TimeSpan.Zero));

    private static ITelemetryDecoder CreateSut() => DecoderCatalog.Create(DecoderFormats.CloudEvents, Clock);

    [Fact]
    public void Decode_StructuredDeployEvent_ChangeWithDataLabels()
    {
        var sut = CreateSut();

        var e = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Samples.CloudEventDeploy)));

        Assert.Equal(EventKind.Change, e.Kind);
        Assert.Equal("8b2f6c1e-run-8812", e.Fingerprint);
        Assert.Equal("payment 1.4.2 deployed to prod", e.Title);
        Assert.Equal("https://ci.example.com/pipelines/payment", e.Source);
        Assert.Equal("payment", e.Resource.Service);
        Assert.Equal("prod", e.Labels.Get("environment"));
        Assert.Equal("1.4.2", e.Labels.Get("version"));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 57, 0, TimeSpan.Zero), e.Timestamp);
    }

    [Fact]
    public void Decode_BinaryModeAlert_AttributesFromHeaders()
    {
        var sut = CreateSut();
        const string Data = """{"title":"Disk almost full","severity":"critical","host":"db-1","status":"firing"}""";

        var e = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(
            Data,
            null,
            ("ce_specversion", "1.0"),
            ("ce_id", "42"),
            ("ce_source", "/monitoring/zabbix"),
            ("ce_type", "com.zabbix.problem"),
            ("ce_time", "2026-11-27T15:59:00Z"),
            ("ce_region", "eu-west-1"),
            ("content-type", "application/json"))));

        Assert.Equal(EventKind.Alert, e.Kind);
        Assert.Equal(Severity.Critical, e.Severity);
        Assert.Equal("Disk almost full", e.Title);
        Assert.Equal("db-1", e.Resource.Host);
        Assert.Equal("eu-west-1", e.Resource.Region);
        Assert.Equal(EventStatus.Firing, e.Status);
    }

    [Fact]
    public void Decode_AlertResolvedLater_SameFingerprint()
    {
        var sut = CreateSut();
        static string Alert(string id, string status) =>
            $$$"""{"specversion":"1.0","id":"{{{id}}}","source":"/mon","type":"io.example.alert","subject":"api","time":"2026-11-27T15:59:00Z","data":{"title":"High latency","status":"{{{status}}}"}}""";

        var firing = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Alert("1", "firing"))));
        var resolved = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Alert("2", "resolved"))));

        Assert.Equal(EventStatus.Resolved, resolved.Status);
        Assert.Equal(firing.Fingerprint, resolved.Fingerprint);
        Assert.Equal("api", firing.Resource.Service);
    }

    [Fact]
    public void Decode_DataIsAlertmanagerPayload_DelegatesToAlertmanager()
    {
        var sut = CreateSut();
        var payload = """{"specversion":"1.0","id":"x","source":"/am","type":"io.prometheus.alertmanager.webhook","time":"2026-11-27T16:00:00Z","data":""" + Samples.AlertmanagerFiring + "}";

        var events = sut.DecodeOk(payload).Cast<EventRecord>().ToList();

        Assert.Equal(2, events.Count);
        Assert.Equal("alertmanager", events[0].Source);
        Assert.Equal("c7a3e5b1f2d4a6b8", events[0].Fingerprint);
    }

    [Fact]
    public void Decode_LogTypeWithTextData_LogRecord()
    {
        var sut = CreateSut();

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(
            """{"specversion":"1.0","id":"7","source":"/app/cart","type":"com.example.log","subject":"cart","time":"2026-11-27T16:00:00Z","datacontenttype":"text/plain","data":"WARN cache miss ratio 40%"}""")));

        Assert.Equal("WARN cache miss ratio 40%", log.Body);
        Assert.Equal("cart", log.Resource.Service);
    }

    [Fact]
    public void Decode_Batch_DecodesEach()
    {
        var sut = CreateSut();

        Assert.Equal(2, sut.DecodeOk("[" + Samples.CloudEventDeploy + "," + Samples.CloudEventDeploy + "]").Count);
    }

    [Theory]
    [InlineData("""{"specversion":"2.0","id":"1","source":"s","type":"t","time":"2026-11-27T16:00:00Z"}""", "specversion")]
    [InlineData("""{"specversion":"1.0","source":"s","type":"t","time":"2026-11-27T16:00:00Z"}""", "required attribute")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"t","time":"later"}""", "invalid time")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"t"}""", "no time")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"x.log","time":"2026-11-27T16:00:00Z"}""", "no data")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"t","time":"2026-11-27T16:00:00Z","data":{"version":"4","alerts":[{"status":"odd"}]}}""", "data (alertmanager)")]
    [InlineData("[3]", "batch[0]")]
    public void Decode_Malformed_FailsWithReason(string payload, string reason)
    {
        var sut = CreateSut();

        Assert.Contains(reason, sut.DecodeFail(payload), StringComparison.Ordinal);
    }
}
