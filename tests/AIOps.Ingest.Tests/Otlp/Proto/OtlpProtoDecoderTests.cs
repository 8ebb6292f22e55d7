using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Otlp;
using AIOps.Ingest.Otlp.Proto;
using Google.Protobuf;
using Microsoft.Extensions.Time.Testing;

namespace AIOps.Ingest.Tests.Otlp.Proto;

public sealed class OtlpProtoDecoderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    public const string ExponentialAndKvlist = """
        {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"payments"}},{"key":"deployment","value":{"kvlistValue":{"values":[{"key":"env","value":{"stringValue":"prod"}},{"key":"zones","value":{"arrayValue":{"values":[{"stringValue":"a"},{"intValue":"2"},{"doubleValue":0.5},{"boolValue":false}]}}}]}}}]},"scopeMetrics":[{"metrics":[
          {"name":"db.latency","exponentialHistogram":{"aggregationTemporality":2,"dataPoints":[{"attributes":[{"key":"db","value":{"stringValue":"orders"}}],"timeUnixNano":"1795795200000000000","count":"7","sum":31.5,"scale":3,"zeroCount":"1","positive":{"offset":2,"bucketCounts":["1","4","1"]}}]}},
          {"name":"queue.depth","gauge":{"dataPoints":[{"timeUnixNano":"1795795200000000000","asDouble":"NaN"},{"timeUnixNano":"1795795201000000000"}]}}
        ]}]}]}
        """;

    public static TheoryData<string> JsonSamples() => new(Samples.OtlpMetrics, Samples.OtlpLogs, Samples.OtlpTraces, ExponentialAndKvlist);

    [Theory]
    [MemberData(nameof(JsonSamples))]
    public void Decode_SameDataAsOtlpJson_GivesTheSameRecords(string json)
    {
        var sut = new OtlpProtoDecoder();
        var expected = new OtlpJsonDecoder().DecodeOk(json, Messages.KafkaTime);

        var records = sut.Decode(Messages.Of(OtlpJsonToProto.Convert(json), timestamp: Messages.KafkaTime), out var result);

        Assert.True(result.Success, result.Error);
        Assert.NotEmpty(records);
        Assert.Equal(expected, records);
    }

    [Fact]
    public void Decode_Metrics_GaugeSumHistogramSummary()
    {
        var sut = new OtlpProtoDecoder();

        var points = Decode(sut, OtlpJsonToProto.Convert(Samples.OtlpMetrics)).Cast<MetricPoint>().ToList();

        var threads = points.Single(p => p.Name == "process.runtime.jvm.threads.count");
        Assert.Equal(42, threads.Value);
        Assert.Equal("true", threads.Labels.Get("daemon"));
        Assert.Equal("checkout", threads.Resource.Service);
        Assert.Equal(At, threads.Timestamp);
        Assert.Equal(1250, points.Single(p => p.Name == "http.server.request.count").Value);
        var buckets = points.Where(p => p.Name == "http.server.duration_bucket").Select(p => (p.Labels.Get("le"), p.Value)).ToList();
        Assert.Equal([("50", 2d), ("250", 7d), ("+Inf", 10d)], buckets);
        Assert.Equal(0.9, points.Single(p => p.Name == "rpc.latency" && p.Labels.Get("quantile") == "0.99").Value);
    }

    [Fact]
    public void Decode_ExponentialHistogramAndStructuredAttributes()
    {
        var sut = new OtlpProtoDecoder();

        var points = Decode(sut, OtlpJsonToProto.Convert(ExponentialAndKvlist)).Cast<MetricPoint>().ToList();

        Assert.Equal(7, points.Single(p => p.Name == "db.latency_count").Value);
        Assert.Equal(31.5, points.Single(p => p.Name == "db.latency_sum").Value);
        Assert.Equal(
            """{"values":[{"key":"env","value":{"stringValue":"prod"}},{"key":"zones","value":{"arrayValue":{"values":[{"stringValue":"a"},{"intValue":"2"},{"doubleValue":0.5},{"boolValue":false}]}}}]}""",
            points[0].Labels.Get("deployment"));
        var depth = Assert.Single(points, p => p.Name == "queue.depth"); // the point without a value is a staleness marker
        Assert.True(double.IsNaN(depth.Value));
    }

    [Fact]
    public void Decode_Spans_IdsParentDurationErrorAndPeer()
    {
        var sut = new OtlpProtoDecoder();

        var spans = Decode(sut, OtlpJsonToProto.Convert(Samples.OtlpTraces)).Cast<SpanRecord>().ToList();

        Assert.Equal("5b8efff798038103d269b633813fc60c", spans[0].TraceId);
        Assert.Equal("eee19b7ec3c1b174", spans[0].SpanId);
        Assert.Null(spans[0].ParentSpanId);
        Assert.Equal("frontend", spans[0].Service);
        Assert.Equal(TimeSpan.FromMilliseconds(250), spans[0].Duration);
        Assert.Equal("eee19b7ec3c1b174", spans[1].ParentSpanId);
        Assert.True(spans[1].IsError);
        Assert.Equal("cart", spans[1].PeerService);
    }

    [Fact]
    public void Decode_ResourceAfterScopesAndNameAfterData_ReadsInSecondPass()
    {
        // Field order is a convention, not a rule: resource (1) after the scopes (2), metric name (1) after its gauge (5).
        var gauge = Message(1, Concat(Fixed64(3, 1_795_795_200_000_000_000), Double(4, 7.5)));
        var metric = Concat(Message(5, gauge), Str(1, "late.name"));
        var scope = Message(2, metric);
        var resource = Message(1, Message(1, Concat(Str(1, "service.name"), Message(2, Str(1, "billing")))));
        var request = Message(1, Concat(Message(2, scope), resource));

        // The payload sits inside a larger buffer, as a slice of a consumed batch might.
        var buffer = new byte[request.Length + 10];
        request.CopyTo(buffer, 7);
        var sut = new OtlpProtoDecoder();
        var output = new List<TelemetryRecord>();

        var result = sut.Decode(new InboundMessage("otlp_metrics", 0, 0, buffer.AsMemory(7, request.Length), InboundMessage.NoHeaders), output);

        Assert.True(result.Success, result.Error);
        var point = Assert.IsType<MetricPoint>(Assert.Single(output));
        Assert.Equal("late.name", point.Name);
        Assert.Equal(7.5, point.Value);
        Assert.Equal("billing", point.Resource.Service);
    }

    [Fact]
    public void Decode_SpansOnAMetricsTopic_StructureDecides()
    {
        var sut = new OtlpProtoDecoder();

        var records = sut.Decode(Messages.Of(OtlpJsonToProto.Convert(Samples.OtlpTraces), topic: "otlp_metrics"), out var result);

        Assert.True(result.Success, result.Error);
        Assert.All(records, r => Assert.IsType<SpanRecord>(r));
    }

    [Fact]
    public void Decode_LogWithOnlyBody_UsesMessageTime()
    {
        var log = Message(5, Str(1, "disk almost full"));
        var request = Message(1, Message(2, Message(2, log)));
        var sut = new OtlpProtoDecoder();

        var record = Assert.IsType<LogRecord>(Assert.Single(Decode(sut, request, topic: "otlp_logs")));

        Assert.Equal("disk almost full", record.Body);
        Assert.Equal(Messages.KafkaTime, record.Timestamp);
    }

    public static TheoryData<byte[], string> Malformed() => new()
    {
        { [], "empty" },
        { [0x0A, 0x05, 0x12, 0x03], "invalid protobuf" },
        { [0x08, 0x01], "no resource_metrics" },
        { Message(1, Message(2, Message(2, Message(5, Message(1, Fixed64(3, 1)))))), "metric without a name" },
        { Message(1, Message(2, Message(2, Concat(Str(5, "op"), Fixed64(7, 1_795_795_200_000_000_000))))), "without traceId" },
        { [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], "invalid protobuf" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Decode_Malformed_FailsWithReason(byte[] payload, string reason)
    {
        var sut = new OtlpProtoDecoder();

        // The topic names the signal only where the fields cannot (a metric without its name looks like a log body).
        var output = sut.Decode(Messages.Of(payload, topic: "otlp_metrics", timestamp: Messages.KafkaTime), out var result);

        Assert.False(result.Success);
        Assert.Empty(output);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_AttributeNestedTooDeep_FailsWithReason()
    {
        var value = Str(1, "leaf");
        for (var i = 0; i < 40; i++)
        {
            value = Message(5, Message(1, value)); // arrayValue { values: [ value ] }
        }

        var attribute = Message(1, Concat(Str(1, "deep"), Message(2, value)));
        var request = Message(1, Message(1, attribute));
        var sut = new OtlpProtoDecoder();

        sut.Decode(Messages.Of(request), out var result);

        Assert.False(result.Success);
        Assert.Contains("nested", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Router_AutoTopic_DetectsAndDecodesProtobuf(bool withContentType)
    {
        var sut = DecoderCatalog.CreateRouter(new Dictionary<string, string>(), new FakeTimeProvider(At));
        var headers = withContentType ? new[] { ("content-type", "application/x-protobuf") } : [];

        var records = sut.Decode(Messages.Of(OtlpJsonToProto.Convert(Samples.OtlpTraces), timestamp: At, headers: headers), out var result);

        Assert.True(result.Success, result.Error);
        Assert.Equal(DecoderFormats.OtlpProto, result.Format);
        Assert.Equal(2, records.Count);
    }

    private static List<TelemetryRecord> Decode(OtlpProtoDecoder sut, byte[] payload, string topic = "telemetry.test")
    {
        var records = sut.Decode(Messages.Of(payload, topic: topic, timestamp: Messages.KafkaTime), out var result);
        Assert.True(result.Success, result.Error);
        Assert.Equal(records.Count, result.Records);
        return records;
    }

    internal static byte[] Message(int field, byte[] body) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(body));
    });

    internal static byte[] Str(int field, string text) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(text);
    });

    internal static byte[] Fixed64(int field, ulong value) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.Fixed64);
        o.WriteFixed64(value);
    });

    internal static byte[] Double(int field, double value) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.Fixed64);
        o.WriteDouble(value);
    });

    internal static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static byte[] Write(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return stream.ToArray();
    }
}
