using System.Text.Json;
using AIOps.Ingest.Tests;
using AIOps.IntegrationTests.Support;
using AIOps.Kafka.Tests.Support;

namespace AIOps.IntegrationTests.Pipeline;

/// <summary>
/// kcat, an independent producer, writes each supported format (as the real shippers shape it) to the engine's
/// auto-detecting topics; every message must decode (nothing dead-lettered) and be processed.
/// </summary>
public sealed class KcatEveryFormatTests : IDisposable
{
    private readonly EngineFixture _fixture = new();

    [Fact]
    public async Task EveryFormat_ProducedByKcat_DecodesWithoutDeadLetters()
    {
        var produced = 0;
        async Task Produce(string topic, string payload, params string[] headers)
        {
            var lines = payload.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var headerArgs = string.Concat(headers.Select(h => $" -H {h}"));
            await Kcat.RunAsync($"-b {_fixture.Bootstrap} -t {topic} -P{headerArgs}", string.Join('\n', lines) + "\n");
            produced += lines.Length;
        }

        await Produce("telemetry.metrics", Samples.TelegrafInflux);
        await Produce("telemetry.metrics", Samples.PrometheusAdapter);
        await Produce("telemetry.metrics", Compact(Samples.TelegrafJson));
        await Produce("telemetry.metrics", Compact(Samples.TelegrafJsonBatch));
        await Produce("otlp_metrics", Compact(Samples.OtlpMetrics));
        await Produce("otlp_logs", Compact(Samples.OtlpLogs));
        await Produce("otlp_spans", Compact(Samples.OtlpTraces));
        await Produce("telemetry.logs", Compact(Samples.FluentBitLog));
        await Produce("telemetry.logs", Compact(Samples.VectorLog));
        await Produce("telemetry.logs", Samples.Syslog5424);
        await Produce("telemetry.logs", Samples.Syslog3164);
        await Produce("telemetry.events", Compact(Samples.AlertmanagerFiring));
        await Produce("telemetry.events", Compact(Samples.KubernetesCoreEvent));
        await Produce("telemetry.events", Compact(Samples.KubernetesEventsV1));
        await Produce("telemetry.events", Compact(Samples.DeployEvent));
        await Produce("telemetry.events", Compact(Samples.CloudEventDeploy), "content-type=application/cloudevents+json");
        // Sources known only through rules/mappings/*.yaml, recognised on the same auto topics.
        await Produce("telemetry.metrics", Samples.CloudWatchMetricStream);
        await Produce("telemetry.logs", Compact(Samples.GcpLogEntry));
        await Produce("telemetry.events", Compact(Samples.ZabbixProblem));
        await Produce(
            "telemetry.events",
            """{"service":"payment","version":"1.4.3","title":"payment 1.4.3 deployed"}""",
            "ce_specversion=1.0", "ce_type=dev.cdevents.service.deployed.0.1.1", "ce_source=/ci/payment", "ce_id=run-8813",
            "ce_time=2026-11-27T16:05:00Z", "ce_subject=payment", "content-type=application/json");

        var outcome = await _fixture.RunEngineUntilAsync(r => r.Consumer.MessagesHandled >= produced, TimeSpan.FromSeconds(60));

        Assert.True(outcome.Reached, $"handled {outcome.Handled} of {produced}");
        Assert.Equal(0, outcome.DeadLetters);
        Assert.True(outcome.Records > produced, $"{outcome.Records} records from {produced} messages");
    }

    public void Dispose() => _fixture.Dispose();

    private static string Compact(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(doc.RootElement);
    }
}
