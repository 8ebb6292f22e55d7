using AIOps.Core.Ports;
using AIOps.Kafka.Embedded;
using AIOps.Server.Hosting;
using AIOps.Server.Options;
using AIOps.Server.Storage;

namespace AIOps.IntegrationTests.Support;

/// <summary>
/// A broker that outlives engine instances (so a test can stop and restart the engine), and helpers to run
/// an engine against it with a file store, as `aiops serve` does.
/// </summary>
internal sealed class EngineFixture : IDisposable
{
    public EngineFixture()
    {
        Cluster = EmbeddedKafkaCluster.Start();
        DataDirectory = Path.Combine(Path.GetTempPath(), "aiops-it-" + Guid.NewGuid().ToString("N"));
        var options = NewOptions();
        Cluster.CreateTopics([.. options.Kafka.InputTopics.Keys, options.Kafka.IncidentsTopic, options.Kafka.SignalsTopic, options.Kafka.DlqTopic], 4);
    }

    public EmbeddedKafkaCluster Cluster { get; }

    public string DataDirectory { get; }

    public string Bootstrap => Cluster.BootstrapServers;

    public EngineOptions NewOptions()
    {
        var options = new EngineOptions { DataDirectory = DataDirectory, AdvanceClockWhenIdle = false, RulesDirectory = RulesDirectory() };
        options.Kafka.BootstrapServers = Cluster?.BootstrapServers ?? string.Empty;
        options.Kafka.GroupId = "aiops-it";
        // The mock broker holds a group for (session timeout - 1 s) after its last member left; keep restarts quick.
        options.Kafka.ClientConfig["session.timeout.ms"] = "2000";
        return options;
    }

    /// <summary>Runs an engine until <paramref name="done"/> holds, then stops it cleanly (offsets committed, consumer closed).</summary>
    public async Task<RunOutcome> RunEngineUntilAsync(Func<EngineRuntime, bool> done, TimeSpan timeout, Action<EngineOptions>? configure = null)
    {
        using var store = new FileIncidentStore(DataDirectory);
        var options = NewOptions();
        configure?.Invoke(options);
        using var runtime = EngineRuntime.Create(options, TimeProvider.System, store, _ => { });
        using var stop = new CancellationTokenSource();
        var running = runtime.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow + timeout;
        while (!done(runtime) && DateTime.UtcNow < deadline && !running.IsCompleted)
        {
            await Task.Delay(100);
        }

        var reached = done(runtime);
        await stop.CancelAsync();
        await running;
        return new RunOutcome(reached, runtime.Consumer.MessagesHandled, runtime.Consumer.TotalLag, runtime.DeadLetters, runtime.RecordsDecoded, store.List(), runtime.DetectorsRestored);
    }

    public void Dispose()
    {
        Cluster.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private static string RulesDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AIOps.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"), "rules");
    }
}

internal sealed record RunOutcome(bool Reached, long Handled, long Lag, long DeadLetters, long Records, IReadOnlyList<AIOps.Core.Model.Incident> Incidents, int DetectorsRestored);
