using AIOps.Core.Model;
using AIOps.Ingest.Otlp;

namespace AIOps.Ingest.Tests.Otlp;

public sealed class OtlpJsonDecoderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decode_Metrics_GaugeSumHistogramSummary()
    {
        var sut = new OtlpJsonDecoder();

        var points = sut.DecodeOk(Samples.OtlpMetrics).Cast<MetricPoint>().ToList();

        var threads = points.Single(p => p.Name == "process.runtime.jvm.threads.count");
        Assert.Equal(42, threads.Value);
        Assert.Equal("true", threads.Labels.Get("daemon"));
        Assert.Equal("checkout", threads.Resource.Service);
        Assert.Equal("node-1", threads.Resource.Host);
        Assert.Equal(At, threads.Timestamp);
        Assert.Equal(1250, points.Single(p => p.Name == "http.server.request.count").Value);
        Assert.Equal(10, points.Single(p => p.Name == "http.server.duration_count").Value);
        Assert.Equal(1234.5, points.Single(p => p.Name == "http.server.duration_sum").Value);
        var buckets = points.Where(p => p.Name == "http.server.duration_bucket").Select(p => (p.Labels.Get("le"), p.Value)).ToList();
        Assert.Equal([("50", 2d), ("250", 7d), ("+Inf", 10d)], buckets);
        Assert.Equal(0.9, points.Single(p => p.Name == "rpc.latency" && p.Labels.Get("quantile") == "0.99").Value);
        Assert.Equal(4, points.Single(p => p.Name == "rpc.latency_count").Value);
    }

    [Fact]
    public void Decode_Logs_SeverityNumberBodyAndObservedTimeFallback()
    {
        var sut = new OtlpJsonDecoder();

        var logs = sut.DecodeOk(Samples.OtlpLogs).Cast<LogRecord>().ToList();

        Assert.Equal(2, logs.Count);
        Assert.Equal(Severity.Error, logs[0].Severity);
        Assert.Equal("redis timeout after 500ms", logs[0].Body);
        Assert.Equal("cart", logs[0].Resource.Service);
        Assert.Equal("cart-7d9f8c6b5-x2x1z", logs[0].Resource.Pod);
        Assert.Equal("5b8efff798038103d269b633813fc60c", logs[0].Attributes.Get("trace_id"));
        Assert.Equal(At.AddSeconds(1), logs[0].Timestamp);
        Assert.Equal(Severity.Warning, logs[1].Severity);
        Assert.Equal(At.AddSeconds(2), logs[1].Timestamp);
    }

    [Fact]
    public void Decode_Spans_ServiceDurationErrorAndPeer()
    {
        var sut = new OtlpJsonDecoder();

        var spans = sut.DecodeOk(Samples.OtlpTraces).Cast<SpanRecord>().ToList();

        var server = spans[0];
        Assert.Equal("frontend", server.Service);
        Assert.Equal("GET /cart", server.Operation);
        Assert.Null(server.ParentSpanId);
        Assert.Equal(TimeSpan.FromMilliseconds(250), server.Duration);
        Assert.False(server.IsError);
        var client = spans[1];
        Assert.Equal("eee19b7ec3c1b174", client.ParentSpanId);
        Assert.True(client.IsError);
        Assert.Equal("cart", client.PeerService);
        Assert.Equal(At.AddMilliseconds(10), client.Timestamp);
    }

    [Theory]
    [InlineData("""{"foo":[]}""", "no resourceMetrics")]
    [InlineData("""{"resourceMetrics":[1]}""", "not an object")]
    [InlineData("""{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"gauge":{}}]}]}]}""", "without a name")]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"a","spanId":"b"}]}]}]}""", "no startTimeUnixNano")]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"spanId":"b"}]}]}]}""", "without traceId")]
    public void Decode_Malformed_FailsWithReason(string payload, string reason)
    {
        var sut = new OtlpJsonDecoder();

        Assert.Contains(reason, sut.DecodeFail(payload), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GaugePointWithoutTime_UsesMessageTime()
    {
        var sut = new OtlpJsonDecoder();

        var point = Assert.Single(sut.DecodeOk("""{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"g","gauge":{"dataPoints":[{"asDouble":"NaN"}]}}]}]}]}""", Messages.KafkaTime));

        Assert.Equal(Messages.KafkaTime, point.Timestamp);
        Assert.True(double.IsNaN(((MetricPoint)point).Value));
    }
}
