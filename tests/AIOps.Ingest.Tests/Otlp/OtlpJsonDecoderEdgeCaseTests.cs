using AIOps.Core.Model;
using AIOps.Ingest.Otlp;

namespace AIOps.Ingest.Tests.Otlp;

/// <summary>
/// Edge cases pinned to the decoder's behaviour before the allocation work (scratch label lists, cached keys,
/// bounds walked in step with the bucket counts).
/// </summary>
public sealed class OtlpJsonDecoderEdgeCaseTests
{
    private static readonly DateTimeOffset Four = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decode_DuplicateAndOddAttributeKeys_LastWinsPointOverResourceBucketLeOverPoint()
    {
        var sut = new OtlpJsonDecoder();
        const string Payload = """
            {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"a"}},{"key":"service.name","value":{"stringValue":"b"}},
            {"key":"n","value":{"intValue":"7"}},{"key":"","value":{"stringValue":"e"}},{"key":5,"value":{"boolValue":true}},{"key":"k\u0065y","value":{"doubleValue":1.5}},{"key":"o","value":{}}]},
            "scopeMetrics":[{"metrics":[{"name":"h","histogram":{"dataPoints":[{"attributes":[{"key":"le","value":{"stringValue":"own"}},{"key":"service.name","value":{"stringValue":"c"}}],
            "timeUnixNano":"1795795200000000000","count":"3","sum":"NaN","bucketCounts":["1",2,"x",true],"explicitBounds":[1,2.5]}]}}]}]}]}
            """;

        var points = sut.DecodeOk(Payload).Cast<MetricPoint>().ToList();

        var point = LabelSet.From(("5", "true"), ("key", "1.5"), ("n", "7"), ("service.name", "c"));
        Assert.Equal(["h_count", "h_sum", "h_bucket", "h_bucket", "h_bucket", "h_bucket"], points.Select(p => p.Name));
        Assert.Equal(point.With("le", "own"), points[0].Labels);
        Assert.True(double.IsNaN(points[1].Value));
        Assert.Equal(["1", "2.5", "+Inf", "+Inf"], points.Skip(2).Select(p => p.Labels.Get("le")));
        Assert.Equal([1d, 3d, 3d, 4d], points.Skip(2).Select(p => p.Value));
        Assert.All(points, p => Assert.Equal("c", p.Resource.Service));
        Assert.All(points, p => Assert.Equal(Four, p.Timestamp));
    }

    [Fact]
    public void Decode_MoreBoundsThanBuckets_ExtraBoundsIgnored()
    {
        var sut = new OtlpJsonDecoder();
        const string Payload = """{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"h","histogram":{"dataPoints":[{"timeUnixNano":"1795795200000000000","bucketCounts":["1","2","3"],"explicitBounds":[1,2,3,4]}]}}]}]}]}""";

        var points = sut.DecodeOk(Payload).Cast<MetricPoint>().ToList();

        Assert.Equal(["1", "2", "3"], points.Select(p => p.Labels.Get("le")));
        Assert.Equal([1d, 3d, 6d], points.Select(p => p.Value));
    }

    [Fact]
    public void Decode_BoundThatIsNotANumber_UnexpectedShape()
    {
        var sut = new OtlpJsonDecoder();
        const string Payload = """{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"h","histogram":{"dataPoints":[{"timeUnixNano":"1795795200000000000","bucketCounts":["1","2"],"explicitBounds":["a"]}]}}]}]}]}""";

        Assert.Equal(
            "unexpected JSON shape: The requested operation requires an element of type 'Number', but the target element has type 'String'.",
            sut.DecodeFail(Payload));
    }

    [Fact]
    public void Decode_SummaryQuantilesAsStringsAndMissing_QuantileLabelOverridesPointLabel()
    {
        var sut = new OtlpJsonDecoder();
        const string Payload = """{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"s","summary":{"dataPoints":[{"attributes":[{"key":"quantile","value":{"stringValue":"q"}}],"timeUnixNano":1795795200000000000,"quantileValues":[{"quantile":"0.5","value":"1"},{"value":2},{"quantile":0.9}]}]}}]}]}]}""";

        var points = sut.DecodeOk(Payload).Cast<MetricPoint>().ToList();

        Assert.Equal(["0.5", "0"], points.Select(p => p.Labels.Get("quantile")));
        Assert.Equal([1d, 2d], points.Select(p => p.Value));
    }

    [Fact]
    public void Decode_LogAttributesDuplicatedAndNamedLikeTraceId_TraceIdFieldWins()
    {
        var sut = new OtlpJsonDecoder();
        const string Payload = """{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"a"}}]},"scopeLogs":[{"logRecords":[{"timeUnixNano":"1795795201000000000","body":{"kvlistValue":{"values":[]}},"attributes":[{"key":"trace_id","value":{"stringValue":"own"}},{"key":"service.name","value":{"stringValue":"b"}},{"key":"a","value":{"stringValue":"1"}},{"key":"a","value":{"stringValue":"2"}}],"traceId":"t","spanId":"","severityNumber":"SEVERITY_NUMBER_WARN2"}]}]}]}""";

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Equal(LabelSet.From(("a", "2"), ("service.name", "b"), ("trace_id", "t")), log.Attributes);
        Assert.Equal("a", log.Resource.Service); // resource attributes first for the entity
        Assert.Equal("""{"values":[]}""", log.Body);
        Assert.Equal(Severity.Warning, log.Severity);
    }

    [Fact]
    public void Decode_ClientSpanWithDuplicatePeerKeys_LastPeerServiceWins()
    {
        var sut = new OtlpJsonDecoder();
        const string Payload = """{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"t","spanId":"s","kind":3,"startTimeUnixNano":"1795795200000000000","attributes":[{"key":"peer.service","value":{"stringValue":""}},{"key":"server.address","value":{"stringValue":"db"}},{"key":"peer.service","value":{"intValue":3}}]},{"traceId":"t","spanId":"s2","kind":"SPAN_KIND_PRODUCER","startTimeUnixNano":"1795795200000000000","attributes":[{"key":"x","value":{"stringValue":"y"}}]}]}]}]}""";

        var spans = sut.DecodeOk(Payload).Cast<SpanRecord>().ToList();

        Assert.Equal(["3", null], spans.Select(s => s.PeerService));
        Assert.All(spans, s => Assert.Equal("unknown_service", s.Service));
    }

    [Fact]
    public void Decode_SameResourceInLaterRequests_SameRecordsAsTheFirst()
    {
        var sut = new OtlpJsonDecoder();

        var first = sut.DecodeOk(Samples.OtlpLogs + "\n" + Samples.OtlpTraces);
        var again = sut.DecodeOk(Samples.OtlpLogs + "\n" + Samples.OtlpTraces);

        Assert.Equal(first, again);
        Assert.Equal(["cart", "cart", "frontend", "frontend"], again.Select(r => r.Resource.Service));
    }

    [Fact]
    public void Decode_ResourceThatFailsToDecode_FailsEveryTime()
    {
        var sut = new OtlpJsonDecoder();
        var bytes = System.Text.Encoding.Latin1.GetBytes(
            "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"a\xFF\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\"1795795201000000000\"}]}]}]}");

        for (var i = 0; i < 2; i++)
        {
            var output = sut.Decode(Messages.Of(bytes), out var result);

            Assert.Empty(output);
            Assert.Equal("unexpected JSON shape: Cannot transcode invalid UTF-8 JSON text to UTF-16 string.", result.Error);
        }
    }
}
