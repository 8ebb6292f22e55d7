using AIOps.Core.Model;
using AIOps.Ingest.Alertmanager;

namespace AIOps.Ingest.Tests.Alertmanager;

public sealed class AlertmanagerDecoderTests
{
    [Fact]
    public void Decode_WebhookV4_OneEventPerAlert()
    {
        var sut = new AlertmanagerDecoder();

        var events = sut.DecodeOk(Samples.AlertmanagerFiring).Cast<EventRecord>().ToList();

        Assert.Equal(2, events.Count);
        var firing = events[0];
        Assert.Equal(EventStatus.Firing, firing.Status);
        Assert.Equal(EventKind.Alert, firing.Kind);
        Assert.Equal(Severity.Critical, firing.Severity);
        Assert.Equal("c7a3e5b1f2d4a6b8", firing.Fingerprint);
        Assert.Equal("checkout 5xx ratio above 5%", firing.Title);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 58, 30, TimeSpan.Zero).AddTicks(1234567), firing.Timestamp);
        Assert.Equal("checkout", firing.Resource.Service);
        Assert.Equal("checkout-0", firing.Resource.Host);
        Assert.StartsWith("http://prometheus:9090/graph", firing.Annotations.Get("generatorURL"), StringComparison.Ordinal);
        Assert.Equal("alertmanager", firing.Source);
    }

    [Fact]
    public void Decode_ResolvedAlert_StampedWithEndsAtAndTitleFromAlertname()
    {
        var sut = new AlertmanagerDecoder();

        var resolved = sut.DecodeOk(Samples.AlertmanagerFiring).Cast<EventRecord>().Last();

        Assert.Equal(EventStatus.Resolved, resolved.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 55, 0, TimeSpan.Zero), resolved.Timestamp);
        Assert.Equal("PodCrashLooping", resolved.Title);
        Assert.Equal(Severity.Warning, resolved.Severity);
        Assert.Equal("cart-7d9f8c6b5-x2x1z", resolved.Resource.Pod);
    }

    [Fact]
    public void Decode_NoFingerprint_StableHashOfLabelsIndependentOfOrder()
    {
        var sut = new AlertmanagerDecoder();
        const string A = """{"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"X","job":"a"},"startsAt":"2026-11-27T15:40:00Z"}]}""";
        const string B = """{"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"job":"a","alertname":"X"},"startsAt":"2026-11-27T15:41:00Z"}]}""";

        var a = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(A)));
        var b = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(B)));

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(16, a.Fingerprint.Length);
    }

    [Theory]
    [InlineData("""{"version":"3","alerts":[]}""", "version")]
    [InlineData("""{"version":"4"}""", "no alerts")]
    [InlineData("""{"version":"4","alerts":[{"status":"pending","labels":{},"startsAt":"2026-11-27T15:40:00Z"}]}""", "status 'pending'")]
    [InlineData("""{"version":"4","alerts":[{"status":"firing","labels":{}}]}""", "no startsAt")]
    [InlineData("""{"version":"4","alerts":[{"status":"firing","labels":{},"startsAt":"2026-11-27T15:40:00Z"}, 7]}""", "alerts[1]")]
    [InlineData("""[]""", "not a JSON object")]
    [InlineData("""{"version":"4","alerts":[""", "invalid JSON")]
    public void Decode_Malformed_FailsWithReason(string payload, string reason)
    {
        var sut = new AlertmanagerDecoder();

        Assert.Contains(reason, sut.DecodeFail(payload), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EmptyAlerts_OkWithoutRecords()
    {
        var sut = new AlertmanagerDecoder();

        Assert.Empty(sut.DecodeOk("""{"version":"4","status":"resolved","alerts":[]}"""));
    }
}
