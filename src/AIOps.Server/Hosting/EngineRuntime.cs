using System.Diagnostics;
using AIOps.Core.Ports;
using AIOps.Correlation.Rules;
using AIOps.Detection.State;
using AIOps.Kafka;
using AIOps.Kafka.Consuming;
using AIOps.Kafka.Embedded;
using AIOps.Kafka.Producing;
using AIOps.Kafka.State;
using AIOps.Server.Composition;
using AIOps.Server.Options;
using AIOps.Server.Telemetry;
using Confluent.Kafka;

namespace AIOps.Server.Hosting;

/// <summary>
/// The running engine: the broker (embedded unless one is configured), the shared producer and its sinks
/// (incidents, signals, dead letters), the pipeline, and the consume loop that feeds it.
/// </summary>
public sealed class EngineRuntime : IDisposable
{
    private readonly EngineOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly SharedKafkaProducer _producer;
    private readonly EngineMetrics _metrics;
    private readonly KafkaStateStore _state;
    private DateTimeOffset _lastStateSave;

    private EngineRuntime(EngineOptions options, TimeProvider time, Action<string> log, EmbeddedKafkaCluster? cluster, IIncidentStore store, IReadOnlyList<IIncidentSink> extraSinks, IReadOnlyList<ISignalSink> extraSignalSinks)
    {
        _options = options;
        _time = time;
        _log = log;
        EmbeddedCluster = cluster;
        _producer = new SharedKafkaProducer(options.Kafka, log);
        _state = new KafkaStateStore(options.Kafka, log);
        Consumer = new KafkaConsumerLoop(options.Kafka, log);
        _metrics = new EngineMetrics(() => Consumer.Lag);
        Composition = EngineComposition.Create(
            options,
            time,
            store,
            new KafkaDeadLetterSink(_producer, options.Kafka),
            [new KafkaIncidentSink(_producer, options.Kafka), .. extraSinks],
            [new KafkaSignalSink(_producer, options.Kafka), .. extraSignalSinks],
            _metrics,
            // Run-time silences survive a restart beside the other state; they drop out once their end has passed.
            options.PersistState ? new FileSilenceStore(Path.Combine(options.DataDirectory, FileSilenceStore.FileName), time) : null);
        Composition.Engine.Hold = ConsumerLagHold.Create(() => Consumer.Lag, options.Kafka.CatchUpLag);
        _metrics.SeedOpenIncidents(Composition.Engine.Correlator.OpenIncidents);
        if (options.PersistState)
        {
            Composition.Templates.Load(TemplatesPath);
            RestoreDetectorState();
        }
    }

    // The data directory's file first (this instance's own latest), then the state topic fills in the series the
    // file lacks (a new pod on an empty disk, or series that moved here from another instance).
    private void RestoreDetectorState()
    {
        var fromFile = DetectionStateFile.Load(Composition.Detection, DetectorStatePath);
        LogRestore("file", fromFile, File.Exists(DetectorStatePath));
        var fromTopic = default(DetectionStateLoad);
        if (_state.Enabled)
        {
            try
            {
                fromTopic = DetectionStateRecords.Import(Composition.Detection, _state.ReadLatest(TimeSpan.FromSeconds(30)));
                LogRestore("topic " + _options.Kafka.StateTopic, fromTopic, true);
            }
            catch (KafkaException ex)
            {
                _log($"detector state: topic {_options.Kafka.StateTopic} unreadable ({ex.Error.Reason}); those series start cold");
            }
        }

        DetectorsRestored = fromFile.Restored + fromTopic.Restored;
        _lastStateSave = _time.GetUtcNow();
    }

    private void LogRestore(string source, DetectionStateLoad load, bool present)
    {
        if (load.Restored > 0 || load.Skipped > 0 || (load.Problem is not null && present))
        {
            _log($"detector state from {source}: {load.Restored} series restored warm, {load.Skipped} start cold{(load.Problem is null ? string.Empty : $" ({load.Problem})")}");
        }
    }

    private string TemplatesPath => Path.Combine(_options.DataDirectory, "templates.json");

    private string DetectorStatePath => Path.Combine(_options.DataDirectory, "detectors.state");

    /// <summary>Series whose detectors resumed from the saved state at start-up.</summary>
    public int DetectorsRestored { get; private set; }

    public EmbeddedKafkaCluster? EmbeddedCluster { get; }

    public string BootstrapServers => _options.Kafka.BootstrapServers;

    public EngineComposition Composition { get; }

    public KafkaConsumerLoop Consumer { get; }

    public long DeadLetters { get; private set; }

    /// <summary>Records decoded from all messages so far.</summary>
    public long RecordsDecoded { get; private set; }

    /// <summary>Starts the embedded broker when no bootstrap servers are configured, then builds the pipeline.</summary>
    public static EngineRuntime Create(EngineOptions options, TimeProvider time, IIncidentStore store, Action<string> log, IReadOnlyList<IIncidentSink>? extraSinks = null, IReadOnlyList<ISignalSink>? extraSignalSinks = null)
    {
        EmbeddedKafkaCluster? cluster = null;
        if (string.IsNullOrWhiteSpace(options.Kafka.BootstrapServers))
        {
            cluster = EmbeddedKafkaCluster.Start();
            cluster.CreateTopics(
                [.. options.Kafka.InputTopics.Keys, options.Kafka.IncidentsTopic, options.Kafka.SignalsTopic, options.Kafka.DlqTopic, .. (string.IsNullOrWhiteSpace(options.Kafka.StateTopic) ? Array.Empty<string>() : [options.Kafka.StateTopic])],
                options.EmbeddedPartitions);
            options.Kafka.BootstrapServers = cluster.BootstrapServers;
        }

        options.Kafka.Validate();
        return new EngineRuntime(options, time, log, cluster, store, extraSinks ?? [], extraSignalSinks ?? []);
    }

    /// <summary>Consumes until cancelled; every message is decoded and processed before its offset is stored.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Consumer.RunAsync(HandleAsync, _options.AdvanceClockWhenIdle ? OnIdleAsync : OnIdleKeepClockAsync, cancellationToken);

    public void Dispose()
    {
        if (_options.PersistState)
        {
            Directory.CreateDirectory(_options.DataDirectory);
            Composition.Templates.Save(TemplatesPath);
            SaveDetectorState();
            PublishDetectorState();
        }

        _producer.Dispose();
        _metrics.Dispose();
        EmbeddedCluster?.Dispose();
    }

    private async ValueTask HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await Composition.Processor.ProcessAsync(message, cancellationToken).ConfigureAwait(false);
        RecordsDecoded += result.Records;
        _metrics.MessageProcessed(message.Topic, result.Format, !result.Success, Stopwatch.GetElapsedTime(start).TotalSeconds);
        if (!result.Success)
        {
            DeadLetters++;
            _log($"dead-lettered {message.Topic}/{message.Partition}@{message.Offset}: {result.Error}");
        }

        SaveDetectorStateWhenDue();
    }

    private ValueTask OnIdleAsync(CancellationToken cancellationToken)
    {
        SaveDetectorStateWhenDue();
        return Composition.Engine.AdvanceToAsync(_time.GetUtcNow(), cancellationToken);
    }

    // Event time only (tests, backfills): the clock stays with the data, but signals held for a backlog go out once
    // the consumer has nothing left to read.
    private ValueTask OnIdleKeepClockAsync(CancellationToken cancellationToken) => Composition.Engine.ReleaseHeldAsync(cancellationToken);

    // On the consumer thread, between messages: the stage is single-threaded, so this is a consistent snapshot.
    private void SaveDetectorStateWhenDue()
    {
        if (_options.PersistState && _options.StateSaveInterval > TimeSpan.Zero && _time.GetUtcNow() - _lastStateSave >= _options.StateSaveInterval)
        {
            Directory.CreateDirectory(_options.DataDirectory);
            SaveDetectorState();
        }
    }

    // At shutdown only: every series is one record, too much to republish on every periodic save.
    private void PublishDetectorState()
    {
        if (!_state.Enabled)
        {
            return;
        }

        var start = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var published = _state.PublishAsync(_producer, DetectionStateRecords.Export(Composition.Detection), timeout.Token).GetAwaiter().GetResult();
            _log($"detector state: {published} series published to {_options.Kafka.StateTopic} in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms");
        }
        catch (Exception ex) when (ex is OperationCanceledException or KafkaException)
        {
            _log($"detector state: publishing to {_options.Kafka.StateTopic} failed ({ex.Message}); the file in the data directory still has it");
        }
    }

    private void SaveDetectorState()
    {
        var start = Stopwatch.GetTimestamp();
        var saved = DetectionStateFile.Save(Composition.Detection, DetectorStatePath);
        _lastStateSave = _time.GetUtcNow();
        _log($"detector state: {saved} series saved in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms");
    }
}
