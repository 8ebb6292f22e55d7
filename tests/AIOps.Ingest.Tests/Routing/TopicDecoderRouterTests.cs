using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Routing;
using Microsoft.Extensions.Time.Testing;

namespace AIOps.Ingest.Tests.Routing;

public sealed class TopicDecoderRouterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 16, 1, 0, TimeSpan.Zero));

    private static TopicDecoderRouter CreateSut(Dictionary<string, string>? bindings = null, DecoderOptions? options = null, params ITelemetryDecoder[] extra) =>
        DecoderCatalog.CreateRouter(bindings ?? [], Clock, options, extra);

    [Theory]
    [InlineData(Samples.TelegrafInflux, DecoderFormats.Influx)]
    [InlineData(Samples.PrometheusAdapter, DecoderFormats.PrometheusJson)]
    [InlineData(Samples.AlertmanagerFiring, DecoderFormats.Alertmanager)]
    [InlineData(Samples.FluentBitLog, DecoderFormats.JsonLog)]
    [InlineData(Samples.VectorLog, DecoderFormats.JsonLog)]
    [InlineData(Samples.DeployEvent, DecoderFormats.JsonLog)]
    [InlineData(Samples.KubernetesCoreEvent, DecoderFormats.KubernetesEvent)]
    [InlineData(Samples.KubernetesEventsV1, DecoderFormats.KubernetesEvent)]
    [InlineData(Samples.Syslog5424, DecoderFormats.Syslog)]
    [InlineData(Samples.Syslog3164, DecoderFormats.Syslog)]
    [InlineData(Samples.SyslogForward, DecoderFormats.Syslog)]
    [InlineData(Samples.TelegrafJson, DecoderFormats.TelegrafJson)]
    [InlineData(Samples.TelegrafJsonBatch, DecoderFormats.TelegrafJson)]
    [InlineData(Samples.OtlpMetrics, DecoderFormats.OtlpJson)]
    [InlineData(Samples.OtlpLogs, DecoderFormats.OtlpJson)]
    [InlineData(Samples.OtlpTraces, DecoderFormats.OtlpJson)]
    [InlineData(Samples.CloudEventDeploy, DecoderFormats.CloudEvents)]
    public void Decode_AutoTopic_DetectsFormatFromContent(string payload, string expected)
    {
        var sut = CreateSut();

        var records = sut.Decode(Messages.Of(payload, timestamp: Messages.KafkaTime), out var result);

        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.Format);
        Assert.NotEmpty(records);
    }

    [Theory]
    [InlineData("""{"specversion":"1.0","type":"x","source":"/y","id":"1"}""", DecoderFormats.CloudEvents)]
    [InlineData("""{"resourceMetrics":[]}""", DecoderFormats.OtlpJson)]
    [InlineData("""{"kind":"Event","apiVersion":"v1","involvedObject":{}}""", DecoderFormats.KubernetesEvent)]
    [InlineData("""{"type":"ADDED","object":{}}""", DecoderFormats.KubernetesEvent)]
    [InlineData("""{"apiVersion":"events.k8s.io/v1","regarding":{},"note":"n","reason":"r"}""", DecoderFormats.KubernetesEvent)]
    [InlineData("""{"fields":{"a":1},"name":"cpu","tags":{},"timestamp":1}""", DecoderFormats.TelegrafJson)]
    [InlineData("""{"metrics":[{"fields":{"a":1},"name":"cpu","tags":{},"timestamp":1}]}""", DecoderFormats.TelegrafJson)]
    [InlineData("<34>Oct 11 22:14:15 mymachine su: 'su root' failed", DecoderFormats.Syslog)]
    [InlineData("  [ {\"message\":\"a\",\"time\":\"2026-11-27T16:00:00Z\"} ]", DecoderFormats.JsonLog)]
    [InlineData("\uFEFF{\"msg\":\"a\",\"time\":\"2026-11-27T16:00:00Z\"}", DecoderFormats.JsonLog)]
    [InlineData("{\"message\":\"truncated", DecoderFormats.JsonLog)]
    public void Detect_Shapes_NamesFormat(string payload, string expected)
    {
        var format = FormatDetector.Detect(Messages.Of(payload), out var reason);

        Assert.True(format == expected, $"{format} ({reason})");
    }

    [Theory]
    [InlineData("application/cloudevents+json", DecoderFormats.CloudEvents)]
    [InlineData("application/x-protobuf", DecoderFormats.OtlpProto)]
    public void Detect_ContentTypeHeader_Wins(string contentType, string expected)
    {
        var format = FormatDetector.Detect(Messages.Of(Samples.FluentBitLog, headers: ("content-type", contentType)), out _);

        Assert.Equal(expected, format);
    }

    [Fact]
    public void Detect_BinaryCloudEventHeader_IsCloudEvents()
    {
        Assert.Equal(DecoderFormats.CloudEvents, FormatDetector.Detect(Messages.Of("hello", headers: ("ce_specversion", "1.0")), out _));
    }

    [Fact]
    public void Detect_ProtobufBytes_IsOtlpProto()
    {
        Assert.Equal(DecoderFormats.OtlpProto, FormatDetector.Detect(Messages.Of([0x0A, 0x12, 0x0A, 0x10]), out _));
    }

    [Theory]
    [InlineData("""{"foo":1,"bar":2}""", "keys [foo,bar]")]
    [InlineData("hello world", "could not detect format")]
    [InlineData("   ", "empty payload")]
    [InlineData("[1,2]", "JSON without")]
    public void Decode_Undetectable_FailsWithReason(string payload, string reason)
    {
        var sut = CreateSut();

        Assert.Contains(reason, sut.DecodeFail(payload, Messages.KafkaTime), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_DetectedFormatWithoutDecoder_FailsNamingIt()
    {
        var sut = CreateSut();

        var error = sut.DecodeFail("x", headers: ("content-type", "application/x-protobuf"));

        Assert.Contains("otlp-proto", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TopicBinding_WinsOverDetection()
    {
        var sut = CreateSut(new() { ["telemetry.logs"] = DecoderFormats.Influx });

        var records = sut.Decode(Messages.Of(Samples.FluentBitLog, topic: "telemetry.logs"), out var result);

        Assert.False(result.Success);
        Assert.Equal(DecoderFormats.Influx, result.Format);
        Assert.Empty(records);
    }

    [Fact]
    public void Decode_ExtraDecoder_ReplacesBuiltInAndServesDetectedFormat()
    {
        var sut = CreateSut(extra: new CountingDecoder(DecoderFormats.OtlpProto));

        sut.Decode(Messages.Of([0x0A, 0x01, 0x00]), out var result);

        Assert.True(result.Success);
        Assert.Equal(DecoderFormats.OtlpProto, result.Format);
    }

    [Fact]
    public void Constructor_BindingToUnknownFormat_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CreateSut(new() { ["t"] = "nope" }));

        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "1.00:00:00", "ns")]
    [InlineData(1024, "-00:00:01", "ns")]
    [InlineData(1024, "1.00:00:00", "weeks")]
    public void Constructor_InvalidOptions_Throws(int maxBytes, string skew, string precision)
    {
        var options = new DecoderOptions { MaxPayloadBytes = maxBytes, MaxFutureSkew = TimeSpan.Parse(skew, System.Globalization.CultureInfo.InvariantCulture), InfluxPrecision = precision };

        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new TopicDecoderRouter([], new Dictionary<string, string>(), Clock, options));
    }

    [Fact]
    public void Decode_OversizedPayload_Fails()
    {
        var sut = CreateSut(options: new DecoderOptions { MaxPayloadBytes = 64 });

        var error = sut.DecodeFail(new string('#', 65), Messages.KafkaTime);

        Assert.Contains("exceeds the limit of 64 bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TimestampBefore2000_FailsAndRollsBack()
    {
        var sut = CreateSut();
        var output = new List<TelemetryRecord> { MetricPoint.Create("keep", LabelSet.Empty, Messages.KafkaTime, 1) };

        // Seconds sent without a precision header read as nanoseconds: 1970.
        var result = sut.Decode(Messages.Of("m v=1 1795795200\nm v=2 1795795200"), output);

        Assert.False(result.Success);
        Assert.Contains("before 2000-01-01", result.Error, StringComparison.Ordinal);
        Assert.Single(output);
    }

    [Fact]
    public void Decode_TimestampFarPastMessageTime_Fails()
    {
        var sut = CreateSut();

        var error = sut.DecodeFail("m v=1 1795968000000000000", Messages.KafkaTime);

        Assert.Contains("more than 1.00:00:00 after 2026-11-27T16:00:05", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_FutureTimestampWithoutMessageTime_CheckedAgainstClock()
    {
        var sut = CreateSut();

        var error = sut.DecodeFail("m v=1 1795968000000000000");

        Assert.Contains("after 2026-11-27T16:01:00", error, StringComparison.Ordinal);
        Assert.Single(sut.DecodeOk("m v=1 1795795200000000000"));
    }

    [Fact]
    public void Decode_NonListOutput_GoesThroughScratchAndCopies()
    {
        var sut = CreateSut();
        var output = new HashSet<TelemetryRecord>();

        var result = sut.Decode(Messages.Of(Samples.TelegrafInflux), output);

        Assert.True(result.Success, result.Error);
        Assert.Equal(result.Records, output.Count);
    }

    [Fact]
    public void Decode_DecoderThrows_FailsWithCrashReason()
    {
        var sut = CreateSut(new() { ["t"] = "boom" }, extra: new ThrowingDecoder());

        var result = sut.Decode(Messages.Of("x", topic: "t"), new List<TelemetryRecord>());

        Assert.False(result.Success);
        Assert.Contains("decoder crashed: InvalidOperationException", result.Error, StringComparison.Ordinal);
    }

    private sealed class CountingDecoder(string format) : ITelemetryDecoder
    {
        public string Format => format;

        public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output) => DecodeResult.Ok(Format, 0);
    }

    private sealed class ThrowingDecoder : ITelemetryDecoder
    {
        public string Format => "boom";

        public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output) =>
            throw new InvalidOperationException(Encoding.UTF8.GetString(message.Payload.Span));
    }
}
