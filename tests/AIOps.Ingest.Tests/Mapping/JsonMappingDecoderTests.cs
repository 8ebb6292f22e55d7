using AIOps.Core.Model;
using AIOps.Ingest.Mapping;

namespace AIOps.Ingest.Tests.Mapping;

public sealed class JsonMappingDecoderTests
{
    [Fact]
    public void Decode_CloudWatchMetricStream_OneSeriesPerStatisticWithTheInstanceAsEntity()
    {
        var sut = ShippedMappings.Get(ShippedMappings.CloudWatch);

        var points = sut.DecodeOk(Samples.CloudWatchMetricStream).Cast<MetricPoint>().ToList();

        Assert.Equal(8, points.Count);
        var max = points[0];
        Assert.Equal("CPUUtilization_max", max.Name);
        Assert.Equal(71.5, max.Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), max.Timestamp);
        Assert.Equal("i-0abc123", max.Resource.EntityKey);
        Assert.Equal("eu-west-1", max.Resource.Region);
        Assert.Equal("AWS/EC2", max.Labels.Get("namespace"));
        Assert.Equal("i-0abc123", max.Labels.Get("InstanceId"));
        Assert.Equal(["CPUUtilization_max", "CPUUtilization_min", "CPUUtilization_sum", "CPUUtilization_count"], points.Take(4).Select(p => p.Name));
        Assert.Equal("payments-db", points[4].Resource.EntityKey);
        Assert.Equal("ReadLatency_max", points[4].Name);
    }

    [Fact]
    public void Decode_SameMetricTwice_KeepsTheSeriesIdStable()
    {
        var sut = ShippedMappings.Get(ShippedMappings.CloudWatch);

        var first = (MetricPoint)sut.DecodeOk(Samples.CloudWatchMetricStream)[0];
        var second = (MetricPoint)sut.DecodeOk(Samples.CloudWatchMetricStream.Replace("71.5", "80", StringComparison.Ordinal))[0];

        Assert.Equal(first.SeriesId, second.SeriesId);
    }

    [Fact]
    public void Decode_GcpLogEntry_MapsMessageSeverityAndKubernetesResource()
    {
        var sut = ShippedMappings.Get(ShippedMappings.GcpLogging);

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Samples.GcpLogEntry)));

        Assert.Equal("payment failed: upstream timeout after 3000ms", log.Body);
        Assert.Equal(Severity.Error, log.Severity);
        Assert.Equal(new Resource("cart", Pod: "cart-7d9f8c6b5-x2x1z", Namespace: "shop", Cluster: "prod", Region: "europe-west1"), log.Resource);
        Assert.Equal("k8s_container", log.Attributes.Get("resource.type"));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 5, 123, TimeSpan.Zero).AddTicks(4567), log.Timestamp);
    }

    [Theory]
    [InlineData("""{"insertId":"1","logName":"l","resource":{},"timestamp":"2026-11-27T16:00:05Z","severity":"NOTICE","jsonPayload":{"message":"from json"}}""", "from json", Severity.Info)]
    [InlineData("""{"insertId":"1","logName":"l","resource":{},"timestamp":"2026-11-27T16:00:05Z","severity":"EMERGENCY","textPayload":"disk gone"}""", "disk gone", Severity.Critical)]
    [InlineData("""{"insertId":"1","logName":"l","resource":{},"timestamp":"2026-11-27T16:00:05Z","textPayload":"ERROR no severity field"}""", "ERROR no severity field", Severity.Error)]
    public void Decode_GcpVariants_UsesTheFirstMessageFieldAndTheSeverityTable(string payload, string body, Severity severity)
    {
        var log = Assert.IsType<LogRecord>(Assert.Single(ShippedMappings.Get(ShippedMappings.GcpLogging).DecodeOk(payload)));

        Assert.Equal(body, log.Body);
        Assert.Equal(severity, log.Severity);
    }

    [Fact]
    public void Decode_ZabbixProblemThenRecovery_SameFingerprintFiringThenResolved()
    {
        var sut = ShippedMappings.Get(ShippedMappings.Zabbix);
        var recovery = Samples.ZabbixProblem.Replace("\"PROBLEM\"", "\"RESOLVED\"", StringComparison.Ordinal).Replace("16:00:00", "16:12:00", StringComparison.Ordinal);

        var problem = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Samples.ZabbixProblem)));
        var resolved = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(recovery)));

        Assert.Equal(EventStatus.Firing, problem.Status);
        Assert.Equal(EventStatus.Resolved, resolved.Status);
        Assert.Equal("8812", problem.Fingerprint);
        Assert.Equal(problem.Fingerprint, resolved.Fingerprint);
        Assert.Equal(Severity.Critical, problem.Severity);
        Assert.Equal(EventKind.Alert, problem.Kind);
        Assert.Equal("zabbix", problem.Source);
        Assert.Equal("High CPU utilization on db-1", problem.Title);
        Assert.Equal("db-1", problem.Resource.EntityKey);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), problem.Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 12, 0, TimeSpan.Zero), resolved.Timestamp);
    }

    [Theory]
    [InlineData("""{"event_id":"1","event_name":"x","event_status":"ACK","event_time":"2026.11.27 16:00:00"}""", "is neither firing (PROBLEM) nor resolved")]
    [InlineData("""{"event_id":"1","event_status":"PROBLEM","event_time":"2026.11.27 16:00:00"}""", "no title field present (event_name)")]
    [InlineData("""{"event_id":"1","event_name":"x","event_status":"PROBLEM","event_time":"27/11/2026"}""", "is not a timestamp in format 'yyyy.MM.dd HH:mm:ss'")]
    [InlineData("""["not an object"]""", "expected a JSON object")]
    [InlineData("""{"event_id":"1",""", "invalid JSON")]
    public void Decode_BadEvent_FailsWithTheReason(string payload, string reason)
    {
        var error = ShippedMappings.Get(ShippedMappings.Zabbix).DecodeFail(payload, Messages.KafkaTime);

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RecordsPathAndMessageTime_DecodesEachItemAndFallsBackToTheKafkaTimestamp()
    {
        var sut = Decoder("""
            name: batch
            kind: metric
            records: data.points
            timestamp: at
            metric: {name: queue_depth, value: depth}
            entity: {service.name: queue}
            """);

        var points = sut.DecodeOk("""{"data":{"points":[{"queue":"orders","depth":12,"at":"2026-11-27T15:59:00Z"},{"queue":"mail","depth":"3"}]}}""", Messages.KafkaTime).Cast<MetricPoint>().ToList();

        Assert.Equal([12.0, 3.0], points.Select(p => p.Value));
        Assert.Equal(["orders", "mail"], points.Select(p => p.Resource.EntityKey));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 59, 0, TimeSpan.Zero), points[0].Timestamp);
        Assert.Equal(Messages.KafkaTime, points[1].Timestamp);
    }

    [Theory]
    [InlineData("""{"data":{"points":"x"}}""", "records field 'data.points' is missing or not an array")]
    [InlineData("""{"data":{"points":[{"depth":"lots"}]}}""", "[0]: value field 'depth' is not a number")]
    [InlineData("""{"data":{"points":[{"depth":1},{"other":2}]}}""", "[1]: no value field present (depth)")]
    public void Decode_BadBatch_FailsAndAppendsNothing(string payload, string reason)
    {
        var sut = Decoder("name: batch\nkind: metric\nrecords: data.points\nmetric: {name: queue_depth, value: depth}\n");

        var output = sut.Decode(Messages.Of(payload, timestamp: Messages.KafkaTime), out var result);

        Assert.False(result.Success);
        Assert.Equal(reason, result.Error);
        Assert.Empty(output);
    }

    [Fact]
    public void Decode_EventWithoutFingerprintField_HashesTitleAndLabelsNotTime()
    {
        var sut = Decoder("name: checks\nkind: event\ntimestamp: t\nlabels: [check]\nevent: {title: msg}\n");

        var first = (EventRecord)sut.DecodeOk("""{"t":"2026-11-27T16:00:00Z","msg":"probe failed","check":"http"}""")[0];
        var later = (EventRecord)sut.DecodeOk("""{"t":"2026-11-27T16:05:00Z","msg":"probe failed","check":"http"}""")[0];
        var other = (EventRecord)sut.DecodeOk("""{"t":"2026-11-27T16:05:00Z","msg":"probe failed","check":"dns"}""")[0];

        Assert.Equal(first.Fingerprint, later.Fingerprint);
        Assert.NotEqual(first.Fingerprint, other.Fingerprint);
        Assert.Equal(EventStatus.Firing, first.Status);
        Assert.Equal(Severity.Warning, first.Severity);
        Assert.Equal("checks", first.Source);
    }

    private static JsonMappingDecoder Decoder(string yaml)
    {
        var errors = new List<MappingError>();
        var mapping = JsonMappingFile.Parse(yaml, "test.yaml", errors);
        Assert.Empty(errors);
        return new JsonMappingDecoder(mapping!);
    }
}
