namespace AIOps.Ingest;

/// <summary>The format names used in topic bindings and in <see cref="AIOps.Core.Ports.DecodeResult.Format"/>.</summary>
public static class DecoderFormats
{
    public const string Influx = "influx";
    public const string PrometheusJson = "prometheus-json";
    public const string Alertmanager = "alertmanager";
    public const string JsonLog = "json-log";
    public const string KubernetesEvent = "kubernetes-event";
    public const string CloudEvents = "cloudevents";
    public const string Syslog = "syslog";
    public const string TelegrafJson = "telegraf-json";
    public const string OtlpJson = "otlp-json";

    /// <summary>OTLP protobuf export requests (collector kafkaexporter <c>otlp_proto</c>, its default encoding).</summary>
    public const string OtlpProto = "otlp-proto";

    /// <summary>The binding value that asks the router to detect the format per message.</summary>
    public const string Auto = "auto";

    public const string Router = "router";
}
