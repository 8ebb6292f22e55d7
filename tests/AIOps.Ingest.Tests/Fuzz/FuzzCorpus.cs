using AIOps.Ingest.Tests.Mapping;
using AIOps.Ingest.Tests.Otlp;
using AIOps.Ingest.Tests.Otlp.Proto;

namespace AIOps.Ingest.Tests.Fuzz;

/// <summary>Valid seeds per format; the fuzzer truncates and mutates them.</summary>
internal static class FuzzCorpus
{
    public static readonly Dictionary<string, string[]> Seeds = new()
    {
        [DecoderFormats.Influx] = [Samples.TelegrafInflux, "weather\\ station,location=us\\,midwest temp=82,desc=\"he said \\\"hot\\\"\",ok=t 1465839830100400200"],
        [DecoderFormats.PrometheusJson] = [Samples.PrometheusAdapter, """{"timestamp":"2026-11-27T16:00:00Z","value":"+Inf","name":"x","labels":{"__name__":"x"}}"""],
        [DecoderFormats.Alertmanager] = [Samples.AlertmanagerFiring],
        [DecoderFormats.JsonLog] = [Samples.FluentBitLog, Samples.VectorLog, Samples.DeployEvent],
        [DecoderFormats.KubernetesEvent] = [Samples.KubernetesCoreEvent, Samples.KubernetesEventsV1],
        [DecoderFormats.CloudEvents] = [Samples.CloudEventDeploy, """{"specversion":"1.0","id":"x","source":"/am","type":"am","time":"2026-11-27T16:00:00Z","data":""" + Samples.AlertmanagerFiring + "}"],
        [DecoderFormats.Syslog] = [Samples.Syslog5424, Samples.Syslog3164, Samples.SyslogForward],
        [DecoderFormats.TelegrafJson] = [Samples.TelegrafJson, Samples.TelegrafJsonBatch],
        [DecoderFormats.OtlpJson] = [Samples.OtlpMetrics, Samples.OtlpLogs, Samples.OtlpTraces],
        [ShippedMappings.CloudWatch] = [Samples.CloudWatchMetricStream],
        [ShippedMappings.GcpLogging] = [Samples.GcpLogEntry],
        [ShippedMappings.Zabbix] = [Samples.ZabbixProblem],
    };

    /// <summary>Binary formats: OTLP protobuf re-encoded from the OTLP/JSON samples.</summary>
    public static readonly Dictionary<string, byte[][]> BinarySeeds = new()
    {
        [DecoderFormats.OtlpProto] = [.. new[] { Samples.OtlpMetrics, Samples.OtlpLogs, Samples.OtlpTraces, OtlpProtoDecoderTests.ExponentialAndKvlist }.Select(OtlpJsonToProto.Convert)],
    };

    /// <summary>Every seed of every format, as bytes.</summary>
    public static IEnumerable<byte[]> All => Seeds.Values.SelectMany(s => s).Select(System.Text.Encoding.UTF8.GetBytes).Concat(BinarySeeds.Values.SelectMany(s => s));

    /// <summary>The seeds of one format, as bytes.</summary>
    public static IEnumerable<byte[]> For(string format) =>
        (Seeds.TryGetValue(format, out var text) ? text.Select(System.Text.Encoding.UTF8.GetBytes) : []).Concat(BinarySeeds.GetValueOrDefault(format) ?? []);
}
