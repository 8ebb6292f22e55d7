using AIOps.Core.Model;
using AIOps.Ingest.Mapping;
using Microsoft.Extensions.Time.Testing;

namespace AIOps.Ingest.Tests.Mapping;

/// <summary>Mappings beside the built-in formats in the router: by `auto` detection and by topic binding.</summary>
public sealed class JsonMappingRoutingTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 16, 1, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(Samples.GcpLogEntry, ShippedMappings.GcpLogging)]
    [InlineData(Samples.ZabbixProblem, ShippedMappings.Zabbix)]
    [InlineData(Samples.CloudWatchMetricStream, ShippedMappings.CloudWatch)]
    [InlineData(Samples.FluentBitLog, DecoderFormats.JsonLog)]
    [InlineData(Samples.PrometheusAdapter, DecoderFormats.PrometheusJson)]
    [InlineData(Samples.AlertmanagerFiring, DecoderFormats.Alertmanager)]
    [InlineData(Samples.TelegrafInflux, DecoderFormats.Influx)]
    public void Decode_AutoTopic_PicksTheMatchingMappingBeforeTheBuiltInShapes(string payload, string format)
    {
        var sut = DecoderCatalog.CreateRouter(new Dictionary<string, string>(), Clock, extraDecoders: ShippedMappings.All);

        sut.Decode(Messages.Of(payload, timestamp: Messages.KafkaTime), out var result);

        Assert.True(result.Success, result.Error);
        Assert.Equal(format, result.Format);
    }

    [Fact]
    public void Decode_EqualsCondition_MatchesOnlyThatValue()
    {
        var errors = new List<MappingError>();
        var mapping = JsonMappingFile.Parse("name: tracker\nkind: log\nmatch: {equals: {source: tracker, v: 2}}\nlog: {message: message}\n", "t.yaml", errors)!;
        var sut = DecoderCatalog.CreateRouter(new Dictionary<string, string>(), Clock, extraDecoders: [new JsonMappingDecoder(mapping)]);

        sut.Decode(Messages.Of("""{"source":"tracker","v":2,"message":"hi"}""", timestamp: Messages.KafkaTime), out var matched);
        sut.Decode(Messages.Of("""{"source":"other","v":2,"message":"hi"}""", timestamp: Messages.KafkaTime), out var builtIn);
        sut.Decode(Messages.Of("""{"source":"tracker","v":3,"message":"hi"}""", timestamp: Messages.KafkaTime), out var wrongNumber);

        Assert.Equal("tracker", matched.Format);
        Assert.Equal(DecoderFormats.JsonLog, builtIn.Format);
        Assert.Equal(DecoderFormats.JsonLog, wrongNumber.Format);
    }

    [Fact]
    public void Decode_TopicBoundToMapping_UsesItWithoutMatching()
    {
        var sut = DecoderCatalog.CreateRouter(new Dictionary<string, string> { ["zabbix"] = ShippedMappings.Zabbix }, Clock, extraDecoders: ShippedMappings.All);

        var records = sut.Decode(Messages.Of("""{"event_name":"no id, no status","event_time":"2026.11.27 16:00:00"}""", topic: "zabbix", timestamp: Messages.KafkaTime), out var result);

        Assert.False(result.Success); // bound: the mapping decides, and its status field is required
        Assert.Equal(ShippedMappings.Zabbix, result.Format);
        Assert.Empty(records);
    }

    [Fact]
    public void Decode_CloudEventsBinaryMode_IsNotTakenByAMapping()
    {
        var sut = DecoderCatalog.CreateRouter(new Dictionary<string, string>(), Clock, extraDecoders: ShippedMappings.All);

        var records = sut.Decode(
            Messages.Of(Samples.ZabbixProblem, timestamp: Messages.KafkaTime, headers: [("ce_specversion", "1.0"), ("ce_id", "1"), ("ce_source", "/zabbix"), ("ce_type", "zabbix.problem")]),
            out var result);

        Assert.Equal(DecoderFormats.CloudEvents, result.Format);
        Assert.All(records, r => Assert.IsNotType<MetricPoint>(r));
    }
}
