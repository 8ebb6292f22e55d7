using AIOps.Core.Model;
using AIOps.Ingest.Logs;

namespace AIOps.Ingest.Tests.Logs;

public sealed class JsonLogDecoderTests
{
    [Fact]
    public void Decode_FluentBitKubernetes_MapsBodyTimeLevelAndResource()
    {
        var sut = new JsonLogDecoder();

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Samples.FluentBitLog)));

        Assert.StartsWith("2026-11-27T16:00:05.123Z ERROR [payment]", log.Body, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 5, TimeSpan.Zero).AddTicks(1234560), log.Timestamp);
        Assert.Equal(Severity.Error, log.Severity);
        Assert.Equal("payment", log.Resource.Service);
        Assert.Equal("payment-6b8d7f9c4-qz8wn", log.Resource.Pod);
        Assert.Equal("shop", log.Resource.Namespace);
        Assert.Equal("node-2", log.Resource.Host);
        Assert.Equal("stderr", log.Attributes.Get("stream"));
        Assert.Null(log.Attributes.Get("@timestamp"));
    }

    [Fact]
    public void Decode_VectorKubernetes_UsesVectorSpellings()
    {
        var sut = new JsonLogDecoder();

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Samples.VectorLog)));

        Assert.Equal(Severity.Warning, log.Severity);
        Assert.Equal("cart", log.Resource.Service);
        Assert.Equal("shop", log.Resource.Namespace);
        Assert.Equal("node-1", log.Resource.Host);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 6, TimeSpan.Zero).AddTicks(2501130), log.Timestamp);
    }

    [Theory]
    [InlineData("""{"msg":"x","level":"warn","time":"2026-11-27T16:00:00Z"}""", Severity.Warning)]
    [InlineData("""{"message":"x","severity":"ERROR","timestamp":"2026-11-27T16:00:00Z"}""", Severity.Error)]
    [InlineData("""{"message":"x","log.level":"debug","@timestamp":"2026-11-27T16:00:00Z"}""", Severity.Debug)]
    [InlineData("""{"message":"x","log":{"level":"fatal"},"@timestamp":"2026-11-27T16:00:00Z"}""", Severity.Critical)]
    [InlineData("""{"MESSAGE":"x","PRIORITY":"3","date":1795795200.5}""", Severity.Error)]
    [InlineData("""{"log":"all good, no error here","date":1795795200.5}""", Severity.Unknown)]
    [InlineData("""{"log":"[WARN] disk 91% full","date":1795795200.5}""", Severity.Warning)]
    public void Decode_LevelSpellings_Mapped(string payload, Severity expected)
    {
        var sut = new JsonLogDecoder();

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(payload)));

        Assert.Equal(expected, log.Severity);
    }

    [Fact]
    public void Decode_DeployEvent_ChangeEventRecord()
    {
        var sut = new JsonLogDecoder();

        var change = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Samples.DeployEvent)));

        Assert.Equal(EventKind.Change, change.Kind);
        Assert.Equal("deploy-8812", change.Fingerprint);
        Assert.Equal("Deploy payment 1.4.2", change.Title);
        Assert.Equal("payment", change.Resource.Service);
        Assert.Equal("shop", change.Resource.Namespace);
        Assert.Equal("payments", change.Labels.Get("team"));
        Assert.Equal("1.4.2", change.Labels.Get("version"));
        Assert.Equal("rolled out by ci", change.Annotations.Get("message"));
        Assert.Equal(Severity.Info, change.Severity);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 57, 0, TimeSpan.Zero), change.Timestamp);
    }

    [Fact]
    public void Decode_DeploymentTypeWithoutId_StableFingerprintAndDefaultTitle()
    {
        var sut = new JsonLogDecoder();
        const string Payload = """{"type":"deployment","service":"cart","version":"2.0.1","timestamp":"2026-11-27T15:00:00Z"}""";

        var first = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Payload)));
        var again = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Equal(first.Fingerprint, again.Fingerprint);
        Assert.Equal("deployment cart 2.0.1", first.Title);
    }

    [Fact]
    public void Decode_KubernetesDeploymentKind_NotTakenForChangeEvent()
    {
        var sut = new JsonLogDecoder();

        Assert.Contains("no message", sut.DecodeFail("""{"kind":"Deployment","timestamp":"2026-11-27T15:00:00Z"}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NdjsonAndArray_DecodesEach()
    {
        var sut = new JsonLogDecoder();

        Assert.Equal(2, sut.DecodeOk(Samples.FluentBitLog + "\n" + Samples.VectorLog).Count);
        Assert.Equal(2, sut.DecodeOk("[" + Samples.FluentBitLog + "," + Samples.VectorLog + "]").Count);
    }

    [Theory]
    [InlineData("""{"level":"info","time":"2026-11-27T16:00:00Z"}""", "no message")]
    [InlineData("""{"message":"x"}""", "no timestamp")]
    [InlineData("""{"message":"x","time":"2026-11-27T16:00:00Z"} 17""", "value 2")]
    [InlineData("""{"message":"x",""", "invalid JSON")]
    [InlineData("""["x"]""", "[0]")]
    [InlineData("", "empty message")]
    public void Decode_Malformed_FailsWithReason(string payload, string reason)
    {
        var sut = new JsonLogDecoder();

        Assert.Contains(reason, sut.DecodeFail(payload), StringComparison.Ordinal);
    }
}
