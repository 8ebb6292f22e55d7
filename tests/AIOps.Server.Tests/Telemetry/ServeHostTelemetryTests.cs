using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using AIOps.Kafka;
using AIOps.Server.Hosting;
using AIOps.Server.Options;
using AIOps.Server.Telemetry;
using AIOps.Server.Tests.Support;
using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AIOps.Server.Tests.Telemetry;

/// <summary>
/// `serve` end to end on the embedded broker: a few messages in, then the Prometheus endpoint must count them,
/// an incident version must have its span, and a configured secret must appear nowhere (logs, store).
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ServeHostTelemetryTests : IDisposable
{
    private const string Secret = "pw-7c1e0b2a-do-not-leak";
    private const string MetricsTopic = "it.metrics";
    private const string AlertsTopic = "it.alerts";
    private readonly string _dir = Directory.CreateTempSubdirectory("aiops-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Serve_AfterAFewMessages_MetricsEndpointCountsThemAndNoSecretLeaks()
    {
        var options = new EngineOptions { DataDirectory = Path.Combine(_dir, "data"), RulesDirectory = _dir, Urls = "http://127.0.0.1:0" };
        options.Kafka.InputTopics = new() { [MetricsTopic] = "influx", [AlertsTopic] = "alertmanager" };
        options.Kafka.ClientConfig["sasl.password"] = Secret; // unused on a plaintext broker, but configured
        var logs = new CapturingLoggerProvider();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == EngineTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var announce = new StringBuilder();
        using var writer = TextWriter.Synchronized(new StringWriter(announce));
        var serve = ServeHost.RunAsync(options, writer, cts.Token, logging => logging.AddProvider(logs));
        var (bootstrap, baseUrl) = await WaitForAnnouncementAsync(announce, writer, serve);

        var now = DateTimeOffset.UtcNow;
        using var delivery = new Meter("AIOps.Delivery"); // the sinks' meter, exported by name
        delivery.CreateCounter<long>("aiops.delivery.probe").Add(3);
        await ProduceAsync(bootstrap, now);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        // Every message counts as in (the undecodable one too, under its bound format); one of them was dead-lettered.
        var text = await ScrapeUntilAsync(http, t => PrometheusText.Value(t, "aiops_incidents_open") == 1
            && PrometheusText.Value(t, "aiops_messages_in_total", ("topic", MetricsTopic), ("format", "influx")) == 6
            && PrometheusText.Value(t, "aiops_messages_dead_lettered_total", ("topic", MetricsTopic)) == 1
            && PrometheusText.Value(t, "aiops_kafka_consumer_lag", ("topic", MetricsTopic)) == 0); // sampled when idle

        Assert.Equal(1, PrometheusText.Value(text, "aiops_messages_in_total", ("topic", AlertsTopic), ("format", "alertmanager")));
        Assert.Null(PrometheusText.Value(text, "aiops_messages_dead_lettered_total", ("topic", AlertsTopic)));
        Assert.Equal(6, PrometheusText.Value(text, "aiops_detection_duration_seconds_count")); // 5 points + 1 alert record
        Assert.Equal(7, PrometheusText.Value(text, "aiops_message_duration_seconds_count"));
        Assert.Equal(1, PrometheusText.Value(text, "aiops_signals_total", ("kind", "alert")));
        Assert.Equal(1, PrometheusText.Value(text, "aiops_incidents_published_total", ("change", "opened"), ("status", "open")));
        Assert.Equal(0, PrometheusText.Value(text, "aiops_kafka_consumer_lag", ("topic", MetricsTopic)));
        Assert.NotNull(PrometheusText.Value(text, "target_info", ("service_name", TelemetryDefaults.ServiceName)));
        Assert.Equal(3, PrometheusText.Value(text, "aiops_delivery_probe_total"));

        var span = Assert.Single(spans, s => s.OperationName == EngineTelemetry.PublishActivity);
        var incidentId = Assert.IsType<string>(span.GetTagItem("aiops.incident.id"));
        Assert.StartsWith("inc-", incidentId, StringComparison.Ordinal);
        Assert.Equal(1L, span.GetTagItem("aiops.incident.version"));

        var published = ReadTopics(bootstrap, KafkaDefaults.IncidentsTopic, KafkaDefaults.SignalsTopic);
        Assert.Contains(published, m => m.Contains(incidentId, StringComparison.Ordinal));
        Assert.All(published, m => Assert.DoesNotContain(Secret, m, StringComparison.Ordinal));

        await cts.CancelAsync();
        Assert.Equal(0, await serve);
        Assert.Contains("effective configuration", logs.Text, StringComparison.Ordinal);
        Assert.Contains("\"sasl.password\":\"***\"", logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, writer.ToString() ?? string.Empty, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(options.DataDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_WithOtlpHttpEndpoint_ExportsMetricsTracesAndLogsThere()
    {
        var received = new ConcurrentQueue<(string Path, string? ContentType)>();
        var collectorBuilder = WebApplication.CreateSlimBuilder();
        collectorBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        collectorBuilder.Logging.ClearProviders();
        await using var collector = collectorBuilder.Build();
        collector.MapPost("/{**path}", (HttpRequest request) =>
        {
            received.Enqueue((request.Path.Value!, request.ContentType));
            return Results.Ok();
        });
        await collector.StartAsync();
        var options = new EngineOptions { DataDirectory = Path.Combine(_dir, "data"), RulesDirectory = _dir, Urls = "http://127.0.0.1:0" };
        options.Kafka.InputTopics = new() { [AlertsTopic] = "alertmanager" };
        options.Telemetry.OtlpEndpoint = collector.Urls.First();
        options.Telemetry.OtlpProtocol = "http/protobuf";
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var announce = new StringBuilder();
        using var writer = TextWriter.Synchronized(new StringWriter(announce));
        var serve = ServeHost.RunAsync(options, writer, cts.Token);
        var (bootstrap, baseUrl) = await WaitForAnnouncementAsync(announce, writer, serve);
        await ProduceAlertAsync(bootstrap, DateTimeOffset.UtcNow);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        await ScrapeUntilAsync(http, t => PrometheusText.Value(t, "aiops_incidents_open") == 1);

        await cts.CancelAsync(); // shutting down flushes every exporter
        Assert.Equal(0, await serve);

        var paths = received.Select(r => r.Path).ToHashSet();
        Assert.Contains("/v1/metrics", paths);
        Assert.Contains("/v1/traces", paths);
        Assert.Contains("/v1/logs", paths);
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
    }

    private static async Task<(string Bootstrap, string BaseUrl)> WaitForAnnouncementAsync(StringBuilder announce, TextWriter writer, Task<int> serve)
    {
        for (var i = 0; i < 300 && !serve.IsCompleted; i++)
        {
            string text;
            lock (writer)
            {
                text = announce.ToString();
            }

            var lines = text.Split('\n', StringSplitOptions.TrimEntries);
            var kafka = lines.FirstOrDefault(l => l.StartsWith("Kafka bootstrap: ", StringComparison.Ordinal));
            var api = lines.FirstOrDefault(l => l.StartsWith("HTTP API: ", StringComparison.Ordinal));
            if (kafka is not null && api is not null)
            {
                return (kafka.Split(' ')[2], api["HTTP API: ".Length..].Replace("/api/v1/incidents", string.Empty, StringComparison.Ordinal));
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"serve did not announce its addresses (exit {(serve.IsCompleted ? serve.Result : -1)})");
    }

    private static async Task ProduceAsync(string bootstrap, DateTimeOffset now)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        var ns = now.ToUnixTimeMilliseconds() * 1_000_000;
        for (var i = 0; i < 5; i++)
        {
            await producer.ProduceAsync(MetricsTopic, new Message<Null, string> { Value = $"cpu,host=web-1 usage={10 + i} {ns + (i * 1_000_000_000L)}" });
        }

        await producer.ProduceAsync(MetricsTopic, new Message<Null, string> { Value = "{{{ not line protocol" });
        await ProduceAlertAsync(bootstrap, now);
    }

    private static async Task ProduceAlertAsync(string bootstrap, DateTimeOffset now)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        var alert = $$"""
            {"receiver":"aiops","status":"firing","alerts":[{"status":"firing",
             "labels":{"alertname":"HighErrorRate","job":"checkout","severity":"critical"},
             "annotations":{"summary":"checkout 5xx above 5%"},"startsAt":"{{now.UtcDateTime:O}}","endsAt":"0001-01-01T00:00:00Z",
             "generatorURL":"http://prometheus:9090/graph","fingerprint":"a1b2c3d4e5f60718"}],
             "groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://alertmanager:9093","version":"4","groupKey":"{}:{}"}
            """;
        await producer.ProduceAsync(AlertsTopic, new Message<Null, string> { Value = alert });
    }

    /// <summary>Every message on the engine's output topics (incident versions and signals), as text.</summary>
    private static List<string> ReadTopics(string bootstrap, params string[] topics)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "reader-" + Guid.NewGuid().ToString("N"), AutoOffsetReset = AutoOffsetReset.Earliest };
        using var consumer = new ConsumerBuilder<Ignore, string>(config).Build();
        consumer.Subscribe(topics);
        var messages = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { Message.Value: { } value })
            {
                messages.Add(value);
            }
            else if (messages.Count >= 2)
            {
                break; // one signal and one incident version were published; nothing more is coming
            }
        }

        consumer.Close();
        return messages;
    }

    private static async Task<string> ScrapeUntilAsync(HttpClient http, Func<string, bool> done)
    {
        var text = string.Empty;
        for (var i = 0; i < 120; i++)
        {
            text = await http.GetStringAsync(new Uri(TelemetryDefaults.PrometheusPath, UriKind.Relative));
            if (done(text))
            {
                return text;
            }

            await Task.Delay(250);
        }

        Assert.Fail("the expected counters never appeared in /metrics:\n" + text);
        return text;
    }
}
