using System.Diagnostics;
using AIOps.Core.Ports;
using AIOps.Correlation.Rules;
using AIOps.Kafka;
using AIOps.Kafka.Consuming;
using AIOps.Kafka.Embedded;
using AIOps.Kafka.Producing;
using AIOps.Server.Composition;
using AIOps.Server.Options;
using AIOps.Server.Telemetry;

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

    private EngineRuntime(EngineOptions options, TimeProvider time, Action<string> log, EmbeddedKafkaCluster? cluster, IIncidentStore store, IReadOnlyList<IIncidentSink> extraSinks, IReadOnlyList<ISignalSink> extraSignalSinks)
    {
        _options = options;
        _time = time;
        _log = log;
        EmbeddedCluster = cluster;
        _producer = new SharedKafkaProducer(options.Kafka, log);
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
        _metrics.SeedOpenIncidents(Composition.Engine.Correlator.OpenIncidents);
        if (options.PersistState)
        {
            Composition.Templates.Load(TemplatesPath);
        }
    }

    private string TemplatesPath => Path.Combine(_options.DataDirectory, "templates.json");

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
                [.. options.Kafka.InputTopics.Keys, options.Kafka.IncidentsTopic, options.Kafka.SignalsTopic, options.Kafka.DlqTopic],
                options.EmbeddedPartitions);
            options.Kafka.BootstrapServers = cluster.BootstrapServers;
        }

        options.Kafka.Validate();
        return new EngineRuntime(options, time, log, cluster, store, extraSinks ?? [], extraSignalSinks ?? []);
    }

    /// <summary>Consumes until cancelled; every message is decoded and processed before its offset is stored.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Consumer.RunAsync(HandleAsync, _options.AdvanceClockWhenIdle ? OnIdleAsync : null, cancellationToken);

    public void Dispose()
    {
        if (_options.PersistState)
        {
            Directory.CreateDirectory(_options.DataDirectory);
            Composition.Templates.Save(TemplatesPath);
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
    }

    private ValueTask OnIdleAsync(CancellationToken cancellationToken) =>
        Composition.Engine.AdvanceToAsync(_time.GetUtcNow(), cancellationToken);
}
