using System.Diagnostics;
using System.Diagnostics.Metrics;
using AIOps.Core.Model;
using LogRecord = AIOps.Core.Model.LogRecord;
using MetricPoint = AIOps.Core.Model.MetricPoint;
using AIOps.Ingest.Otlp.Proto;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AIOps.Ingest.Tests.Otlp.Proto;

/// <summary>
/// Bytes from a real encoder: the OpenTelemetry .NET SDK's OTLP exporter (OtlpExportProtocol.HttpProtobuf) posts
/// ExportTraceServiceRequest, ExportMetricsServiceRequest and ExportLogsServiceRequest bodies to a loopback
/// listener; the decoder must read back exactly what the SDK was given.
/// </summary>
public sealed class OtlpSdkExporterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
    private readonly OtlpHttpCapture _capture = new();

    [Fact]
    public void Decode_SdkTraceExport_SpansWithIdsParentDurationErrorAndPeer()
    {
        var sourceName = "aiops.test.traces." + Guid.NewGuid().ToString("N");
        using var source = new ActivitySource(sourceName);
        string traceId, serverId, clientId;
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(Resource())
            .AddSource(sourceName)
            .AddOtlpExporter(o => Configure(o, "v1/traces"))
            .Build())
        {
            using (var server = source.StartActivity("GET /cart", ActivityKind.Server, default(ActivityContext), startTime: Start)!)
            {
                using (var client = source.StartActivity("cart.Get", ActivityKind.Client, server.Context, [new("peer.service", "cart"), new("http.request.method", "GET")], startTime: Start.AddMilliseconds(10))!)
                {
                    client.SetStatus(ActivityStatusCode.Error, "deadline exceeded");
                    client.SetEndTime(Start.AddMilliseconds(200).UtcDateTime);
                    clientId = client.SpanId.ToHexString();
                }

                server.SetEndTime(Start.AddMilliseconds(250).UtcDateTime);
                traceId = server.TraceId.ToHexString();
                serverId = server.SpanId.ToHexString();
            }

            Assert.True(provider.ForceFlush(30_000));
        }

        var spans = DecodeAll("v1/traces").Cast<SpanRecord>().ToList();

        Assert.Equal(2, spans.Count);
        var serverSpan = spans.Single(s => s.SpanId == serverId);
        var clientSpan = spans.Single(s => s.SpanId == clientId);
        Assert.Equal(traceId, serverSpan.TraceId);
        Assert.Equal(traceId, clientSpan.TraceId);
        Assert.Null(serverSpan.ParentSpanId);
        Assert.Equal(serverId, clientSpan.ParentSpanId);
        Assert.Equal("GET /cart", serverSpan.Operation);
        Assert.Equal(Start, serverSpan.Timestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(250), serverSpan.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(190), clientSpan.Duration);
        Assert.False(serverSpan.IsError);
        Assert.True(clientSpan.IsError);
        Assert.Equal("cart", clientSpan.PeerService);
        Assert.Null(serverSpan.PeerService);
        Assert.All(spans, s => Assert.Equal("checkout", s.Service));
        Assert.All(spans, s => Assert.Equal("node-7", s.Resource.Host));
    }

    [Fact]
    public void Decode_SdkMetricExport_SumGaugeHistogramAndExponentialHistogram()
    {
        var meterName = "aiops.test.metrics." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var requests = meter.CreateCounter<long>("http.server.requests");
        var duration = meter.CreateHistogram<double>("http.server.duration", unit: "ms");
        var latency = meter.CreateHistogram<double>("db.latency", unit: "ms");
        meter.CreateObservableGauge("queue.depth", () => new Measurement<double>(17.5, new KeyValuePair<string, object?>("queue", "orders")));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using (var provider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(Resource())
            .AddMeter(meterName)
            .AddView("http.server.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [50, 250] })
            .AddView("db.latency", new Base2ExponentialBucketHistogramConfiguration())
            .AddOtlpExporter((o, reader) =>
            {
                Configure(o, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 600_000; // only the explicit flush
            })
            .Build())
        {
            requests.Add(3, new KeyValuePair<string, object?>("http.route", "/api/cart"));
            requests.Add(2, new KeyValuePair<string, object?>("http.route", "/api/cart"));
            duration.Record(10);
            duration.Record(100);
            duration.Record(300);
            latency.Record(5);
            latency.Record(7);
            Assert.True(provider.ForceFlush(30_000));
        }

        // The flush exports once and disposal once more (cumulative: the same values); read the flush's.
        var points = DecodeAll("v1/metrics", firstOnly: true).Cast<MetricPoint>().ToList();

        var count = Assert.Single(points, p => p.Name == "http.server.requests");
        Assert.Equal(5, count.Value);
        Assert.Equal("/api/cart", count.Labels.Get("http.route"));
        Assert.Equal("checkout", count.Resource.Service);
        Assert.Equal("node-7", count.Resource.Host);
        Assert.InRange(count.Timestamp, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(17.5, Assert.Single(points, p => p.Name == "queue.depth" && p.Labels.Get("queue") == "orders").Value);
        Assert.Equal(3, Assert.Single(points, p => p.Name == "http.server.duration_count").Value);
        Assert.Equal(410, Assert.Single(points, p => p.Name == "http.server.duration_sum").Value);
        var buckets = points.Where(p => p.Name == "http.server.duration_bucket").Select(p => (p.Labels.Get("le"), p.Value)).ToList();
        Assert.Equal([("50", 1d), ("250", 2d), ("+Inf", 3d)], buckets);
        Assert.Equal(2, Assert.Single(points, p => p.Name == "db.latency_count").Value);
        Assert.Equal(12, Assert.Single(points, p => p.Name == "db.latency_sum").Value);
    }

    [Fact]
    public void Decode_SdkLogExport_SeverityBodyAttributesAndResource()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using (var factory = LoggerFactory.Create(builder => builder.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(Resource());
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => Configure(e, "v1/logs"));
        })))
        {
            var logger = factory.CreateLogger("checkout.payments");
#pragma warning disable CA1848, CA2254 // a plain call is what most applications write
            logger.LogError("charge failed for order {OrderId} after {ElapsedMs} ms", "o-17", 500);
            logger.LogInformation("charge retried");
#pragma warning restore CA1848, CA2254
        }

        var logs = DecodeAll("v1/logs").Cast<LogRecord>().ToList();

        Assert.Equal(2, logs.Count);
        var error = logs.Single(l => l.Severity == Severity.Error);
        Assert.Contains("charge failed for order", error.Body, StringComparison.Ordinal);
        Assert.Equal("o-17", error.Attributes.Get("OrderId"));
        Assert.Equal("500", error.Attributes.Get("ElapsedMs"));
        Assert.Equal("checkout", error.Resource.Service);
        Assert.Equal("node-7", error.Resource.Host);
        Assert.InRange(error.Timestamp, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(Severity.Info, logs.Single(l => l.Body.Contains("retried", StringComparison.Ordinal)).Severity);
    }

    public void Dispose() => _capture.Dispose();

    private static ResourceBuilder Resource() =>
        ResourceBuilder.CreateEmpty().AddService("checkout").AddAttributes([new("host.name", "node-7"), new("k8s.namespace.name", "shop")]);

    private void Configure(OtlpExporterOptions options, string path)
    {
        options.Endpoint = _capture.Endpoint(path);
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.ExportProcessorType = ExportProcessorType.Simple;
    }

    private List<TelemetryRecord> DecodeAll(string path, bool firstOnly = false)
    {
        var bodies = _capture.Bodies(path);
        if (firstOnly)
        {
            bodies = bodies.Take(1).ToList();
        }

        Assert.NotEmpty(bodies);
        var sut = new OtlpProtoDecoder();
        var records = new List<TelemetryRecord>();
        foreach (var body in bodies)
        {
            // The SDK's bodies are the export requests themselves; the topic gives no hint.
            var result = sut.Decode(Messages.Of(body, topic: "telemetry.any"), records);
            Assert.True(result.Success, result.Error);
        }

        return records;
    }
}
