namespace AIOps.Server.Options;

/// <summary>Self-telemetry defaults and the names of the engine's meters and activity source.</summary>
public static class TelemetryDefaults
{
    public const string OtlpProtocol = "grpc";
    public const string PrometheusPath = "/metrics";
    public const string LogFormat = "simple";
    public const string ServiceName = "aiops-engine";

    /// <summary>Meters the host exports: the engine's own, ingest's, and the delivery sinks'.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = ["AIOps.Engine", "AIOps.Ingest", "AIOps.Detection", "AIOps.Delivery"];

    public static IReadOnlyList<string> OtlpProtocols { get; } = ["grpc", "http/protobuf"];

    public static IReadOnlyList<string> LogFormats { get; } = ["simple", "json"];
}
