using AIOps.IntegrationTests.Support;
using AIOps.Server.Demo;

namespace AIOps.IntegrationTests.Pipeline;

/// <summary>An engine starting on a backlog (everything produced before it runs) with a low catch-up threshold.</summary>
public sealed class BacklogHoldTests : IDisposable
{
    private readonly EngineFixture _fixture = new();

    [Fact]
    public async Task Backlog_WithTheHoldOn_ReleasesEveryHeldSignalAndFindsTheFault()
    {
        var produced = await KcatProducer.ProduceAsync(_fixture.Bootstrap, DemoScenario.Default(DateTimeOffset.UtcNow).Messages());
        long held = 0;

        // 50 messages behind counts as catching up: the demo's partitions (hundreds each) start far behind.
        var run = await _fixture.RunEngineUntilAsync(
            r =>
            {
                held = r.Composition.Engine.SignalsHeldTotal;
                return r.Consumer.MessagesHandled >= produced && r.Consumer.TotalLag == 0 && r.Composition.Engine.HeldSignals == 0;
            },
            TimeSpan.FromSeconds(60),
            options => options.Kafka.CatchUpLag = 50);

        Assert.True(run.Reached, $"handled {run.Handled} of {produced}, lag {run.Lag}");
        Assert.True(held > 0, "the backlog never engaged the hold");
        var open = Assert.Single(run.Incidents, i => i.Status == Core.Model.IncidentStatus.Open && i.MergedInto is null);
        Assert.Equal(DemoScenario.FaultEntity, open.RootCause!.Candidates[0].Entity);
    }

    public void Dispose() => _fixture.Dispose();
}
