using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;

namespace AIOps.Server.Options;

/// <summary>How the engine reports on itself: OTLP export, the Prometheus scrape path, the log format.</summary>
public sealed class TelemetryOptions
{
    /// <summary>OTLP collector endpoint, e.g. <c>http://otel-collector:4317</c>; empty turns OTLP export off.</summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    [Required]
    public string OtlpProtocol { get; set; } = TelemetryDefaults.OtlpProtocol;

    /// <summary>Path of the Prometheus scrape endpoint on the API listener; empty turns it off.</summary>
    public string PrometheusPath { get; set; } = TelemetryDefaults.PrometheusPath;

    /// <summary><c>simple</c> (one line per entry) or <c>json</c> (one JSON object per entry, for log shippers).</summary>
    [Required]
    public string LogFormat { get; set; } = TelemetryDefaults.LogFormat;

    /// <summary>Lowest level written (Trace, Debug, Information, Warning, Error, Critical); ASP.NET Core's own entries start at Warning.</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Information;

    /// <summary>The <c>service.name</c> resource attribute of exported telemetry.</summary>
    [Required]
    public string ServiceName { get; set; } = TelemetryDefaults.ServiceName;
}
