using System.Text.Json;
using AIOps.IntegrationTests.Support;
using AIOps.Kafka.Tests.Support;
using AIOps.Server.Demo;

namespace AIOps.IntegrationTests.Pipeline;

/// <summary>kcat produces telemetry into the embedded broker, the engine consumes it, kcat reads the incident back.</summary>
public sealed class KcatEndToEndTests : IDisposable
{
    private readonly EngineFixture _fixture = new();

    [Fact]
    public async Task KcatTelemetry_BecomesIncidentOnIncidentsTopic_WithFaultRankedFirst()
    {
        var scenario = DemoScenario.Default(DateTimeOffset.UtcNow);
        var produced = await KcatProducer.ProduceAsync(_fixture.Bootstrap, scenario.Messages());

        var outcome = await _fixture.RunEngineUntilAsync(r => r.Consumer.MessagesHandled >= produced, TimeSpan.FromSeconds(60));

        Assert.True(outcome.Reached, $"handled {outcome.Handled} of {produced}");
        Assert.Equal(0, outcome.DeadLetters);
        var dump = await Kcat.RunAsync($"-b {_fixture.Bootstrap} -t aiops.incidents -C -J -e -o beginning -q", timeoutSeconds: 30);
        var messages = dump.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(messages);
        var latest = messages
            .Select(m => (Key: m.GetProperty("key").GetString(), Incident: JsonDocument.Parse(m.GetProperty("payload").GetString()!).RootElement))
            .GroupBy(m => m.Key)
            .Select(g => g.MaxBy(m => m.Incident.GetProperty("version").GetInt64()))
            .ToList();
        Assert.All(latest, m => Assert.Equal(m.Key, m.Incident.GetProperty("id").GetString()));
        var open = Assert.Single(latest, m => m.Incident.GetProperty("status").GetString() == "open" && !m.Incident.TryGetProperty("mergedInto", out _));
        var top = open.Incident.GetProperty("rootCause").GetProperty("candidates")[0];
        Assert.Equal(DemoScenario.FaultEntity, top.GetProperty("entity").GetString());
        Assert.True(top.GetProperty("evidence").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task MalformedMessage_GoesToDlqWithReason_AndStreamContinues()
    {
        const string bad = "this is { not telemetry";
        await Kcat.RunAsync($"-b {_fixture.Bootstrap} -t telemetry.metrics -P -k db", bad + "\n");
        var good = DemoScenario.Default(DateTimeOffset.UtcNow).Messages().Take(50).ToList();
        var produced = 1 + await KcatProducer.ProduceAsync(_fixture.Bootstrap, good);

        var outcome = await _fixture.RunEngineUntilAsync(r => r.Consumer.MessagesHandled >= produced, TimeSpan.FromSeconds(60));

        Assert.True(outcome.Reached, $"handled {outcome.Handled} of {produced}");
        Assert.Equal(1, outcome.DeadLetters);
        var dump = await Kcat.RunAsync($"-b {_fixture.Bootstrap} -t aiops.dlq -C -J -e -o beginning -q", timeoutSeconds: 30);
        var letter = JsonDocument.Parse(dump.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.Equal(bad, letter.GetProperty("payload").GetString());
        Assert.Equal("db", letter.GetProperty("key").GetString());
        var headers = letter.GetProperty("headers").EnumerateArray().Select(h => h.GetString()!).ToList();
        var map = Enumerable.Range(0, headers.Count / 2).ToDictionary(i => headers[2 * i], i => headers[(2 * i) + 1]);
        Assert.Equal("telemetry.metrics", map["aiops.source.topic"]);
        Assert.True(int.TryParse(map["aiops.source.partition"], out _));
        Assert.Equal("0", map["aiops.source.offset"]);
        Assert.False(string.IsNullOrWhiteSpace(map["aiops.error"]));
    }

    public void Dispose() => _fixture.Dispose();
}
