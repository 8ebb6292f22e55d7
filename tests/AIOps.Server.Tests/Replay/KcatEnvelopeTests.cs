using System.Text;
using AIOps.Server.Replay;

namespace AIOps.Server.Tests.Replay;

public sealed class KcatEnvelopeTests
{
    [Fact]
    public void TryParse_KcatJsonLine_ReadsAllFields()
    {
        // As `kcat -C -J` prints it.
        const string line = """{"topic":"telemetry.metrics","partition":2,"offset":41,"tstype":"create","ts":1764244800000,"broker":0,"headers":["content-type","text/plain","precision","ms"],"key":"db","payload":"cpu,host=a value=1 1764244800000"}""";

        var ok = KcatEnvelope.TryParse(line, out var sut, out var error);

        Assert.True(ok, error);
        Assert.Equal("telemetry.metrics", sut.Topic);
        Assert.Equal(2, sut.Partition);
        Assert.Equal(41, sut.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764244800000), sut.Timestamp);
        Assert.Equal("cpu,host=a value=1 1764244800000", Encoding.UTF8.GetString(sut.Payload.Span));
        Assert.Equal("db", Encoding.UTF8.GetString(sut.Key.Span));
        Assert.Equal("ms", sut.Header("precision"));
    }

    [Fact]
    public void Format_ThenTryParse_RoundTrips()
    {
        var line = KcatEnvelope.Format("t", 0, 7, DateTimeOffset.FromUnixTimeMilliseconds(1000), null, "{\"a\":\"x\\\"y\"}", [new("h", "v")]);

        Assert.True(KcatEnvelope.TryParse(line, out var sut, out _));
        Assert.Equal("{\"a\":\"x\\\"y\"}", Encoding.UTF8.GetString(sut.Payload.Span));
        Assert.Equal("v", sut.Header("h"));
        Assert.True(sut.Key.IsEmpty);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"payload\":\"x\"}")]
    [InlineData("{\"topic\":\"t\"}")]
    public void TryParse_NotAnEnvelope_FailsWithReason(string line)
    {
        Assert.False(KcatEnvelope.TryParse(line, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
