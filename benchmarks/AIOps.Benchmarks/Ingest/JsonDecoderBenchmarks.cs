using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest;
using BenchmarkDotNet.Attributes;

namespace AIOps.Benchmarks.Ingest;

/// <summary>Decode cost per message of the JSON formats, one realistic message each, as the producers write them.</summary>
[MemoryDiagnoser]
public class JsonDecoderBenchmarks
{
    private const string PrometheusSample =
        "{\"timestamp\":\"2026-11-27T16:00:00Z\",\"value\":\"0.25\",\"name\":\"http_request_duration_seconds_sum\",\"labels\":{\"__name__\":\"http_request_duration_seconds_sum\",\"handler\":\"/api/orders\",\"instance\":\"orders-5f7c9:8080\",\"job\":\"orders\",\"method\":\"GET\",\"namespace\":\"shop\",\"pod\":\"orders-5f7c9d8b6-k2x7q\"}}";

    private const string FluentBitSample =
        "{\"@timestamp\":1795795205.123456,\"log\":\"2026-11-27T16:00:05.123Z ERROR [payment] charge failed: upstream timeout after 3000ms\",\"stream\":\"stderr\",\"time\":\"2026-11-27T16:00:05.123456789Z\",\"kubernetes\":{\"pod_name\":\"payment-6b8d7f9c4-qz8wn\",\"namespace_name\":\"shop\",\"pod_id\":\"0c2e6f0a\",\"labels\":{\"app\":\"payment\",\"pod-template-hash\":\"6b8d7f9c4\"},\"host\":\"node-2\",\"container_name\":\"payment\",\"docker_id\":\"4f1c2a\",\"container_image\":\"registry/shop/payment:1.4.2\"}}";

    private const string AlertmanagerSample =
        "{\"receiver\":\"aiops\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"HighErrorRate\",\"job\":\"checkout\",\"namespace\":\"shop\",\"severity\":\"critical\"},\"annotations\":{\"summary\":\"checkout 5xx ratio above 5%\"},\"startsAt\":\"2026-11-27T15:58:30.123Z\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prometheus:9090/graph\",\"fingerprint\":\"c7a3e5b1f2d4a6b8\"}],\"groupLabels\":{},\"commonLabels\":{},\"commonAnnotations\":{},\"externalURL\":\"http://alertmanager:9093\",\"version\":\"4\",\"groupKey\":\"{}:{}\",\"truncatedAlerts\":0}";

    private readonly List<TelemetryRecord> _output = new(16);
    private readonly ITelemetryDecoder _prometheus = DecoderCatalog.Create(DecoderFormats.PrometheusJson, TimeProvider.System);
    private readonly ITelemetryDecoder _jsonLog = DecoderCatalog.Create(DecoderFormats.JsonLog, TimeProvider.System);
    private readonly ITelemetryDecoder _alertmanager = DecoderCatalog.Create(DecoderFormats.Alertmanager, TimeProvider.System);
    private readonly InboundMessage _prometheusMessage = Message(PrometheusSample);
    private readonly InboundMessage _fluentBitMessage = Message(FluentBitSample);
    private readonly InboundMessage _alertmanagerMessage = Message(AlertmanagerSample);

    [Benchmark(Baseline = true, Description = "prometheus-json 1 sample")]
    public int Prometheus() => Decode(_prometheus, _prometheusMessage);

    [Benchmark(Description = "json-log fluent-bit line")]
    public int FluentBit() => Decode(_jsonLog, _fluentBitMessage);

    [Benchmark(Description = "alertmanager 1 alert")]
    public int Alertmanager() => Decode(_alertmanager, _alertmanagerMessage);

    private int Decode(ITelemetryDecoder decoder, in InboundMessage message)
    {
        _output.Clear();
        return decoder.Decode(message, _output).Records;
    }

    private static InboundMessage Message(string payload) =>
        new("telemetry.test", 0, 0, Encoding.UTF8.GetBytes(payload), InboundMessage.NoHeaders, new DateTimeOffset(2026, 11, 27, 16, 1, 0, TimeSpan.Zero));
}
