using AIOps.Core.Model;
using AIOps.Ingest.Telegraf;

namespace AIOps.Ingest.Tests.Telegraf;

public sealed class TelegrafJsonDecoderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decode_SingleMetric_PointPerNumericField()
    {
        var sut = new TelegrafJsonDecoder();

        var points = sut.DecodeOk(Samples.TelegrafJson).Cast<MetricPoint>().ToList();

        Assert.Equal(["cpu_usage_idle", "cpu_usage_user", "cpu_usage_guest"], points.Select(p => p.Name));
        Assert.All(points, p => Assert.Equal(At, p.Timestamp));
        Assert.Equal("web-01", points[0].Resource.Host);
        Assert.Equal("cpu-total", points[0].Labels.Get("cpu"));
    }

    [Fact]
    public void Decode_Batch_SkipsStringFields()
    {
        var sut = new TelegrafJsonDecoder();

        var names = sut.DecodeOk(Samples.TelegrafJsonBatch).Cast<MetricPoint>().Select(p => p.Name);

        Assert.Equal(["mem_active", "mem_used_percent", "system_uptime"], names);
    }

    [Theory]
    [InlineData(1795795200L)]
    [InlineData(1795795200000L)]
    [InlineData(1795795200000000L)]
    [InlineData(1795795200000000000L)]
    public void Decode_TimestampUnits_InferredFromMagnitude(long timestamp)
    {
        var sut = new TelegrafJsonDecoder();

        var point = Assert.Single(sut.DecodeOk($$"""{"fields":{"a":1},"name":"m","tags":{},"timestamp":{{timestamp}}}"""));

        Assert.Equal(At, point.Timestamp);
    }

    [Theory]
    [InlineData("""{"fields":{"a":1},"tags":{},"timestamp":1}""", "no name")]
    [InlineData("""{"name":"m","tags":{},"timestamp":1}""", "no fields")]
    [InlineData("""{"fields":{"a":1},"name":"m","timestamp":"soon"}""", "unreadable timestamp")]
    [InlineData("""{"metrics":[{"fields":{"a":1},"name":"m","timestamp":1},{"name":"n"}]}""", "metrics[1]")]
    public void Decode_Malformed_FailsWithReason(string payload, string reason)
    {
        var sut = new TelegrafJsonDecoder();

        Assert.Contains(reason, sut.DecodeFail(payload), StringComparison.Ordinal);
    }
}
