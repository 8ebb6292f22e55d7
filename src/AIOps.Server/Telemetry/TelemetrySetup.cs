using System.Text.Encodings.Web;
using System.Text.Json;
using AIOps.Server.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AIOps.Server.Telemetry;

/// <summary>
/// The host's OpenTelemetry wiring: the engine, ingest and delivery meters (plus runtime and Kestrel) to the
/// Prometheus scrape endpoint and, when an endpoint is set, OTLP; incident spans and logs to OTLP; console logs
/// as single lines or JSON.
/// </summary>
public static class TelemetrySetup
{
    private static readonly string[] PlatformMeters = ["System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static void AddEngineTelemetry(this WebApplicationBuilder builder, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Logging.ClearProviders();
        if (options.LogFormat == "json")
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        // One line per scrape or API call would drown the engine's own entries.
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", options.LogLevel > LogLevel.Warning ? options.LogLevel : LogLevel.Warning);

        var otlp = options.OtlpEndpoint.Length > 0;
        var prometheus = options.PrometheusPath.Length > 0;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter([.. TelemetryDefaults.MeterNames, .. PlatformMeters]);
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp)
            {
                metrics.AddOtlpExporter(o => Configure(o, options, "v1/metrics"));
            }
        });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(EngineTelemetry.ActivitySourceName)
                .AddOtlpExporter(o => Configure(o, options, "v1/traces")));
            telemetry.WithLogging(logging => logging.AddOtlpExporter(o => Configure(o, options, "v1/logs")));
        }
    }

    /// <summary>Maps the Prometheus scrape endpoint (default <c>/metrics</c>) unless it is turned off.</summary>
    public static void MapEngineTelemetry(this WebApplication app, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (options.PrometheusPath.Length > 0)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }
    }

    /// <summary>With http/protobuf a programmatic endpoint is used as is, so the signal path is appended here.</summary>
    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions options, string signalPath)
    {
        var endpoint = options.OtlpEndpoint;
        if (options.OtlpProtocol == "http/protobuf")
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            endpoint = endpoint.TrimEnd('/') + "/" + signalPath;
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
        }

        exporter.Endpoint = new Uri(endpoint);
    }
}
