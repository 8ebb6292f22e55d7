using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest;
using AIOps.Ingest.Mapping;
using AIOps.Ingest.Tests;
using AIOps.Ingest.Tests.Otlp;
using BenchmarkDotNet.Attributes;

namespace AIOps.Benchmarks.Ingest;

/// <summary>
/// Every decoder, one realistic message each (the decoder tests' samples, shaped as the real producers write them),
/// decoded by the format's own decoder as a topic bound to it would: time and bytes allocated per message.
/// Messages/s = 1 / mean; the records each message yields are printed at setup.
/// </summary>
[MemoryDiagnoser]
public class DecoderBenchmarks
{
    private static readonly Lazy<IReadOnlyList<ITelemetryDecoder>> Mappings = new(() => JsonMappings.LoadOrThrow(RulesDirectory()));

    private readonly List<TelemetryRecord> _output = new(64);
    private ITelemetryDecoder _decoder = null!;
    private InboundMessage _message;

    /// <summary>Case name: "format: sample".</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = string.Empty;

    public static IEnumerable<string> Cases => Catalog.Keys;

    private static readonly Dictionary<string, (string Format, Func<byte[]> Payload)> Catalog = new()
    {
        ["influx: Telegraf, 5 lines"] = (DecoderFormats.Influx, () => Utf8(Samples.TelegrafInflux)),
        ["prometheus-json: 1 sample"] = (DecoderFormats.PrometheusJson, () => Utf8(Samples.PrometheusAdapter)),
        ["alertmanager: v4, 2 alerts"] = (DecoderFormats.Alertmanager, () => Utf8(Samples.AlertmanagerFiring)),
        ["json-log: Fluent Bit + k8s"] = (DecoderFormats.JsonLog, () => Utf8(Samples.FluentBitLog)),
        ["json-log: Vector + k8s"] = (DecoderFormats.JsonLog, () => Utf8(Samples.VectorLog)),
        ["kubernetes-event: core/v1"] = (DecoderFormats.KubernetesEvent, () => Utf8(Samples.KubernetesCoreEvent)),
        ["kubernetes-event: events.k8s.io/v1"] = (DecoderFormats.KubernetesEvent, () => Utf8(Samples.KubernetesEventsV1)),
        ["cloudevents: structured"] = (DecoderFormats.CloudEvents, () => Utf8(Samples.CloudEventDeploy)),
        ["syslog: RFC 5424"] = (DecoderFormats.Syslog, () => Utf8(Samples.Syslog5424)),
        ["syslog: RFC 3164"] = (DecoderFormats.Syslog, () => Utf8(Samples.Syslog3164)),
        ["telegraf-json: 1 metric"] = (DecoderFormats.TelegrafJson, () => Utf8(Samples.TelegrafJson)),
        ["telegraf-json: batch"] = (DecoderFormats.TelegrafJson, () => Utf8(Samples.TelegrafJsonBatch)),
        ["otlp-json: metrics"] = (DecoderFormats.OtlpJson, () => Utf8(Samples.OtlpMetrics)),
        ["otlp-json: logs"] = (DecoderFormats.OtlpJson, () => Utf8(Samples.OtlpLogs)),
        ["otlp-json: traces"] = (DecoderFormats.OtlpJson, () => Utf8(Samples.OtlpTraces)),
        ["otlp-proto: metrics"] = (DecoderFormats.OtlpProto, () => OtlpJsonToProto.Convert(Samples.OtlpMetrics)),
        ["otlp-proto: logs"] = (DecoderFormats.OtlpProto, () => OtlpJsonToProto.Convert(Samples.OtlpLogs)),
        ["otlp-proto: traces"] = (DecoderFormats.OtlpProto, () => OtlpJsonToProto.Convert(Samples.OtlpTraces)),
        ["mapping: cloudwatch, 2 lines"] = ("cloudwatch-metric-stream", () => Utf8(Samples.CloudWatchMetricStream)),
        ["mapping: gcp-logging"] = ("gcp-logging", () => Utf8(Samples.GcpLogEntry)),
        ["mapping: zabbix-webhook"] = ("zabbix-webhook", () => Utf8(Samples.ZabbixProblem)),
    };

    [GlobalSetup]
    public void Setup()
    {
        var (format, payload) = Catalog[Case];
        _decoder = Mappings.Value.FirstOrDefault(d => d.Format == format) ?? DecoderCatalog.Create(format, TimeProvider.System);
        _message = new InboundMessage("telemetry.bench", 0, 0, payload(), InboundMessage.NoHeaders, new DateTimeOffset(2026, 11, 27, 16, 1, 0, TimeSpan.Zero));
        var records = Decode();
        if (records == 0)
        {
            throw new InvalidOperationException($"{Case}: the sample decoded to no records");
        }

        Console.WriteLine($"// {Case}: {_message.Payload.Length} bytes, {records} records per message");
    }

    [Benchmark]
    public int Decode()
    {
        _output.Clear();
        return _decoder.Decode(_message, _output).Records;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string RulesDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AIOps.sln")))
            {
                return Path.Combine(directory.FullName, "rules");
            }
        }

        throw new InvalidOperationException("AIOps.sln not found above " + AppContext.BaseDirectory);
    }
}
