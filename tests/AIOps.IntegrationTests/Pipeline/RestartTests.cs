using System.Text.Json;
using AIOps.IntegrationTests.Support;
using AIOps.Kafka.Tests.Support;
using AIOps.Server.Demo;

namespace AIOps.IntegrationTests.Pipeline;

/// <summary>Stop the engine mid-stream and start it again: no message skipped, no incident duplicated.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly EngineFixture _fixture = new();

    [Fact]
    public async Task StopMidStream_ThenRestart_ProcessesEveryMessageAndKeepsOneIncident()
    {
        var messages = DemoScenario.Default(DateTimeOffset.UtcNow).Messages().ToList();
        var cut = messages.FindIndex(m => m.Payload.Contains("\"alerts\":[", StringComparison.Ordinal));
        var firstHalf = await KcatProducer.ProduceAsync(_fixture.Bootstrap, messages.Take(cut));

        var first = await _fixture.RunEngineUntilAsync(r => r.Consumer.MessagesHandled >= firstHalf, TimeSpan.FromSeconds(60));
        Assert.True(first.Reached, $"first run handled {first.Handled} of {firstHalf}");
        var opened = Assert.Single(first.Incidents, i => i.Status == Core.Model.IncidentStatus.Open && i.MergedInto is null);

        var secondHalf = await KcatProducer.ProduceAsync(_fixture.Bootstrap, messages.Skip(cut));
        var second = await _fixture.RunEngineUntilAsync(r => r.Consumer.MessagesHandled >= secondHalf && r.Consumer.TotalLag == 0, TimeSpan.FromSeconds(60));

        // Committed offsets: the second run resumes where the first stopped. At-least-once allows a re-read of
        // what was not committed (under load the final commit can lose a rebalance race; seen: 870 re-read),
        // never a skip: everything produced was handled and no lag is left.
        Assert.True(second.Reached, $"second run handled {second.Handled} of {secondHalf}");
        Assert.Equal(0, second.Lag);
        Assert.InRange(second.Handled, secondHalf, secondHalf + firstHalf);
        var reopened = Assert.Single(second.Incidents, i => i.Status == Core.Model.IncidentStatus.Open && i.MergedInto is null);
        Assert.Equal(opened.Id, reopened.Id);
        Assert.True(reopened.Version > opened.Version);

        // On the topic every (id, version) appears once and versions only grow.
        var dump = await Kcat.RunAsync($"-b {_fixture.Bootstrap} -t aiops.incidents -C -J -e -o beginning -q", timeoutSeconds: 30);
        var versions = dump.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(JsonDocument.Parse(l).RootElement.GetProperty("payload").GetString()!).RootElement)
            .Select(i => (Id: i.GetProperty("id").GetString(), Version: i.GetProperty("version").GetInt64()))
            .ToList();
        Assert.Equal(versions.Count, versions.Distinct().Count());

        // Log template ids and every series' detector survive the restart (state saved in the data directory).
        Assert.True(File.Exists(Path.Combine(_fixture.DataDirectory, "templates.json")));
        Assert.True(File.Exists(Path.Combine(_fixture.DataDirectory, "detectors.state")));
        Assert.Equal(0, first.DetectorsRestored);
        Assert.True(second.DetectorsRestored > 10, $"{second.DetectorsRestored} series restored warm");
    }

    [Fact]
    public async Task Restart_OnAnEmptyDataDirectory_RestoresDetectorsFromTheStateTopic()
    {
        var messages = DemoScenario.Default(DateTimeOffset.UtcNow).Messages().Take(1500).ToList();
        var produced = await KcatProducer.ProduceAsync(_fixture.Bootstrap, messages);
        var first = await _fixture.RunEngineUntilAsync(r => r.Consumer.MessagesHandled >= produced, TimeSpan.FromSeconds(60));
        Assert.True(first.Reached, $"handled {first.Handled} of {produced}");

        // A new pod: the data directory is empty, only the compacted aiops.state topic has the series.
        File.Delete(Path.Combine(_fixture.DataDirectory, "detectors.state"));
        var second = await _fixture.RunEngineUntilAsync(_ => true, TimeSpan.FromSeconds(30));

        var records = await Kcat.RunAsync($"-b {_fixture.Bootstrap} -t aiops.state -C -e -o beginning -q -f \"%k\\n\"", timeoutSeconds: 30);
        var keys = records.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(keys.Length > 10, $"{keys.Length} state records");
        Assert.Equal(keys.Distinct().Count(), second.DetectorsRestored);
    }

    public void Dispose() => _fixture.Dispose();
}
