using System.Collections.Concurrent;
using System.Diagnostics;
using AIOps.Core.Ports;
using AIOps.Kafka.Consuming.Native;
using Confluent.Kafka;

namespace AIOps.Kafka.Consuming;

/// <summary>
/// Consumes the input topics with the engine's group and hands each message to a handler, at least once:
/// a message's offset is stored only after its handler returned, and stored offsets are auto-committed.
/// Offsets are stored per partition in batches (every <see cref="StoreBatchSize"/> messages, after
/// <see cref="StoreBatchInterval"/>, when idle, before partitions are revoked and before the consumer closes):
/// a store per message cost as much as the rest of the loop, and handling is sequential, so the newest handled
/// offset of a partition stands for every one before it.
/// Messages are received in batches straight from librdkafka (<see cref="NativeBatchConsumer"/>) and handled one
/// by one in order; when that binding is unavailable the loop falls back to Confluent's Consume (and logs it).
/// The blocking loop runs on its own thread. A handler exception or a fatal client error stops
/// the loop (the task faults) without storing that message's offset; cancellation stops it cleanly.
/// Either way the consumer is closed, so the group rebalances at once and the last stored offsets are committed.
/// </summary>
public sealed class KafkaConsumerLoop
{
    private readonly KafkaOptions _options;
    private readonly Action<string> _log;
    private readonly string[] _topics;
    private long _consumed;
    private long _handled;
    private long _idleTicks;
    private int _running;
    private Error? _fatal;
    private PartitionLag[] _lag = [];
    private readonly PendingOffsets _pending = new();
    private long _lastStoreTicks;
    private int _sinceStore;
    private int _sinceLagSample;
    private int _nativeBatch;
    private OrderedWorker? _worker;
    private MessageBatch? _serialBatch;
    private double _secondsPerMessage;
    private int _lastBatchLimit = FirstBatchLimit;

    public KafkaConsumerLoop(KafkaOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _log = log ?? (_ => { });
        _topics = [.. options.InputTopics.Keys];
    }

    public IReadOnlyList<string> Topics => _topics;

    /// <summary>Messages received from the brokers (including one whose handler failed).</summary>
    public long MessagesConsumed => Interlocked.Read(ref _consumed);

    /// <summary>Messages whose handler returned (their offsets are stored: at the latest in the next batch).</summary>
    public long MessagesHandled => Interlocked.Read(ref _handled);

    /// <summary>How often the idle callback ran.</summary>
    public long IdleTicks => Interlocked.Read(ref _idleTicks);

    /// <summary>
    /// Lag per assigned partition, sampled on the consumer thread when idle and every
    /// <see cref="LagSampleInterval"/> messages (from cached watermarks: no broker round trip).
    /// </summary>
    public IReadOnlyList<PartitionLag> Lag => Volatile.Read(ref _lag);

    /// <summary>Sum of the known partition lags.</summary>
    public long TotalLag
    {
        get
        {
            long total = 0;
            foreach (var partition in Volatile.Read(ref _lag))
            {
                total += Math.Max(0, partition.Lag);
            }

            return total;
        }
    }

    internal int LagSampleInterval { get; set; } = DefaultLagSampleInterval;

    internal const int DefaultLagSampleInterval = 1000;

    /// <summary>Receive through librdkafka's batch API when possible (false: always Confluent's Consume).</summary>
    internal bool UseNativeBatch { get; set; } = true;

    /// <summary>Whether the last run received through the native batch path (set once the consumer subscribed).</summary>
    internal bool NativeBatchActive => Volatile.Read(ref _nativeBatch) == 1;

    /// <summary>Most messages taken from librdkafka per batch.</summary>
    internal int BatchSize { get; set; } = DefaultBatchSize;

    internal const int DefaultBatchSize = 1000;

    /// <summary>The largest first batch, before the handler's cost is known.</summary>
    internal const int FirstBatchLimit = 32;

    /// <summary>The handling time one batch is sized for.</summary>
    internal static readonly TimeSpan BatchHandlingBudget = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// With the batch path, run the handler on a second thread while this one receives the next batch
    /// (false: receive and handle on one thread).
    /// </summary>
    internal bool Pipelined { get; set; } = true;

    /// <summary>Batches in flight when pipelined: one being received, the others queued for or in the handler.</summary>
    internal const int PipelineBatches = 3;

    /// <summary>Handled messages whose offsets are stored together.</summary>
    internal const int StoreBatchSize = 500;

    /// <summary>The longest a handled message waits for its offset to be stored while messages keep arriving.</summary>
    internal static readonly TimeSpan StoreBatchInterval = TimeSpan.FromMilliseconds(200);

    public Task RunAsync(Func<InboundMessage, CancellationToken, ValueTask> handler, CancellationToken cancellationToken) =>
        RunAsync(handler, null, cancellationToken);

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled. <paramref name="onIdle"/> runs whenever no
    /// message arrived for <see cref="KafkaOptions.IdleIntervalMs"/>, so the host can advance processing time when
    /// input stops. The handler and <paramref name="onIdle"/> are called one at a time, in order, from one thread
    /// (the consumer thread, or the handler thread when pipelined), never concurrently.
    /// </summary>
    public Task RunAsync(
        Func<InboundMessage, CancellationToken, ValueTask> handler,
        Func<CancellationToken, ValueTask>? onIdle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("This consumer loop is already running.");
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(handler, onIdle, cancellationToken);
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }
        })
        {
            IsBackground = true,
            Name = "aiops-kafka-consumer",
        };
        thread.Start();
        return done.Task;
    }

    private void Run(
        Func<InboundMessage, CancellationToken, ValueTask> handler,
        Func<CancellationToken, ValueTask>? onIdle,
        CancellationToken cancellationToken)
    {
        _fatal = null;
        _pending.Clear();
        _lastStoreTicks = Environment.TickCount64;
        _sinceLagSample = 0;
        _sinceStore = 0;
        _secondsPerMessage = 0;
        _lastBatchLimit = FirstBatchLimit;
        Volatile.Write(ref _nativeBatch, 0);
        using var consumer = new ConsumerBuilder<byte[], byte[]>(KafkaClientConfigs.Consumer(_options))
            .SetErrorHandler(OnError)
            .SetLogHandler((_, m) => _log($"kafka consumer {m.Level}: {m.Facility}: {m.Message}"))
            .SetPartitionsAssignedHandler((_, parts) => _log($"kafka consumer assigned {string.Join(",", parts)}"))
            .SetPartitionsRevokedHandler((c, parts) =>
            {
                // Still assigned during this callback: store what was handled so the new owner starts after it.
                // Pipelined, the handler thread finishes the batches it was given first, then stores (it owns the
                // pending offsets); if it stopped, nothing else touches them any more.
                var worker = Volatile.Read(ref _worker);
                if (worker is null || !worker.RunAndWait(() => Revoked(c, parts)))
                {
                    Revoked(c, parts);
                }

                _log($"kafka consumer revoked {string.Join(",", parts)}");
            })
            .Build();
        NativeBatchConsumer? batch = null;
        try
        {
            consumer.Subscribe(_topics);
            batch = UseNativeBatch ? NativeBatchConsumer.TryCreate(consumer, BatchSize, _log) : null;
            Volatile.Write(ref _nativeBatch, batch is null ? 0 : 1);
            if (batch is not null && Pipelined)
            {
                ReceivePipelined(consumer, batch, handler, onIdle, cancellationToken);
            }
            else
            {
                ReceiveSerial(consumer, batch, handler, onIdle, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown while a handler ran: its offset stays unstored, the message comes again next time.
        }
        catch (KafkaException ex) when (ex.Error.IsFatal)
        {
            _log($"kafka consumer stopping on fatal error: {ex.Error.Code}: {ex.Error.Reason}");
            throw;
        }
        finally
        {
            // Every handled message's offset (never the one whose handler failed) before the final commit.
            StorePending(consumer, null);
            batch?.Dispose(); // librdkafka: the consumer queue reference goes before close
            Close(consumer);
        }
    }

    /// <summary>Receives and handles on this thread: batches when <paramref name="batch"/> is given, else Consume.</summary>
    private void ReceiveSerial(
        IConsumer<byte[], byte[]> consumer,
        NativeBatchConsumer? batch,
        Func<InboundMessage, CancellationToken, ValueTask> handler,
        Func<CancellationToken, ValueTask>? onIdle,
        CancellationToken cancellationToken)
    {
        var idle = TimeSpan.FromMilliseconds(_options.IdleIntervalMs);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (Volatile.Read(ref _fatal) is { } fatal)
            {
                throw new KafkaException(fatal);
            }

            var received = batch is null
                ? ConsumeOne(consumer, handler, idle, cancellationToken)
                : ConsumeBatch(consumer, batch, handler, cancellationToken);
            if (!received)
            {
                Idle(consumer, onIdle, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Receives batches on this thread while a handler thread handles the previous ones in order (at most
    /// <see cref="PipelineBatches"/> batches in flight). Returns when cancelled; rethrows a handler failure.
    /// On the way out the handler thread finishes what it was given (unless cancelled) and stops, so the pending
    /// offsets are this thread's again.
    /// </summary>
    private void ReceivePipelined(
        IConsumer<byte[], byte[]> consumer,
        NativeBatchConsumer batch,
        Func<InboundMessage, CancellationToken, ValueTask> handler,
        Func<CancellationToken, ValueTask>? onIdle,
        CancellationToken cancellationToken)
    {
        using var free = new BlockingCollection<MessageBatch>();
        for (var i = 0; i < PipelineBatches; i++)
        {
            free.Add(new MessageBatch(BatchSize), cancellationToken);
        }

        using var handlerThread = new OrderedWorker("aiops-kafka-handler", PipelineBatches + 1, cancellationToken);
        Volatile.Write(ref _worker, handlerThread);
        try
        {
            ReceiveInto(consumer, batch, handlerThread, free, handler, onIdle, cancellationToken);
        }
        finally
        {
            handlerThread.Complete();
            Volatile.Write(ref _worker, null);
        }

        // Stopped by a handler failure (rethrown here) or by cancellation.
        handlerThread.ThrowIfFailed();
    }

    private void ReceiveInto(
        IConsumer<byte[], byte[]> consumer,
        NativeBatchConsumer batch,
        OrderedWorker handlerThread,
        BlockingCollection<MessageBatch> free,
        Func<InboundMessage, CancellationToken, ValueTask> handler,
        Func<CancellationToken, ValueTask>? onIdle,
        CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (Volatile.Read(ref _fatal) is { } fatal)
            {
                throw new KafkaException(fatal);
            }

            MessageBatch messages;
            try
            {
                messages = free.Take(handlerThread.Stopped);
            }
            catch (OperationCanceledException)
            {
                return; // the handler thread stopped: failed or cancelled
            }

            int count;
            try
            {
                count = batch.Poll(_options.IdleIntervalMs, messages, NextBatchLimit());
            }
            catch (KafkaException ex) when (!ex.Error.IsFatal)
            {
                _log($"kafka consume error (continuing): {ex.Error.Code}: {ex.Error.Reason}");
                count = 0;
            }

            var posted = count > 0
                ? handlerThread.Post(() =>
                {
                    HandleBatch(consumer, handler, messages, cancellationToken);
                    free.Add(messages, CancellationToken.None);
                })
                : ReturnAndPost(free, messages, handlerThread, () => Idle(consumer, onIdle, cancellationToken));
            if (!posted)
            {
                return;
            }
        }
    }

    private static bool ReturnAndPost(BlockingCollection<MessageBatch> free, MessageBatch messages, OrderedWorker worker, Action work)
    {
        free.Add(messages, CancellationToken.None);
        return worker.Post(work);
    }

    /// <summary>The fallback path: one message through Confluent's Consume. False when none came within the idle interval.</summary>
    private bool ConsumeOne(
        IConsumer<byte[], byte[]> consumer,
        Func<InboundMessage, CancellationToken, ValueTask> handler,
        TimeSpan idle,
        CancellationToken cancellationToken)
    {
        var result = Consume(consumer, idle);
        if (result is null)
        {
            return false;
        }

        Deliver(consumer, handler, InboundMessageMapper.ToInbound(result), result.LeaderEpoch, cancellationToken);
        return true;
    }

    /// <summary>
    /// Handles one batch in order, stopping at cancellation: the rest of the batch is not stored, so it comes again.
    /// False when no message came within the idle interval.
    /// </summary>
    private bool ConsumeBatch(
        IConsumer<byte[], byte[]> consumer,
        NativeBatchConsumer batch,
        Func<InboundMessage, CancellationToken, ValueTask> handler,
        CancellationToken cancellationToken)
    {
        int count;
        try
        {
            _serialBatch ??= new MessageBatch(BatchSize);
            count = batch.Poll(_options.IdleIntervalMs, _serialBatch, NextBatchLimit());
        }
        catch (KafkaException ex) when (!ex.Error.IsFatal)
        {
            _log($"kafka consume error (continuing): {ex.Error.Code}: {ex.Error.Reason}");
            return false;
        }

        HandleBatch(consumer, handler, _serialBatch, cancellationToken);
        return count > 0;
    }

    private void HandleBatch(
        IConsumer<byte[], byte[]> consumer,
        Func<InboundMessage, CancellationToken, ValueTask> handler,
        MessageBatch batch,
        CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var messages = batch.Messages;
        for (var i = 0; i < messages.Length && !cancellationToken.IsCancellationRequested; i++)
        {
            Deliver(consumer, handler, messages[i], batch.LeaderEpoch(i), cancellationToken);
        }

        if (messages.Length > 0)
        {
            // Moving average of the handling time per message, which sizes the next batches.
            var perMessage = Stopwatch.GetElapsedTime(start).TotalSeconds / messages.Length;
            var average = Volatile.Read(ref _secondsPerMessage);
            Volatile.Write(ref _secondsPerMessage, average <= 0 ? perMessage : (0.8 * average) + (0.2 * perMessage));
        }
    }

    /// <summary>
    /// As many messages as the handler takes about <see cref="BatchHandlingBudget"/> for (at least 1, at most
    /// <see cref="BatchSize"/>), starting at <see cref="FirstBatchLimit"/> and at most doubling from one batch to the
    /// next: librdkafka serves rebalances and counts polls (max.poll.interval.ms) only between batches, so a handler
    /// of unknown or growing cost must not get a thousand messages at once.
    /// </summary>
    private int NextBatchLimit()
    {
        var perMessage = Volatile.Read(ref _secondsPerMessage);
        var fits = perMessage <= 0 ? FirstBatchLimit : BatchHandlingBudget.TotalSeconds / perMessage;
        var limit = (int)Math.Clamp(Math.Min(fits, 2.0 * _lastBatchLimit), 1, BatchSize);
        _lastBatchLimit = limit;
        return limit;
    }

    /// <summary>No message for the idle interval: store what is pending, sample the lag, tell the host.</summary>
    private void Idle(IConsumer<byte[], byte[]> consumer, Func<CancellationToken, ValueTask>? onIdle, CancellationToken cancellationToken)
    {
        StorePending(consumer, null);
        SampleLag(consumer);
        if (onIdle is not null)
        {
            Interlocked.Increment(ref _idleTicks);
            Wait(onIdle(cancellationToken));
        }
    }

    private void Revoked(IConsumer<byte[], byte[]> consumer, List<TopicPartitionOffset> partitions)
    {
        StorePending(consumer, partitions);
        _pending.Forget(partitions);
    }

    /// <summary>Runs the handler, then marks the offset after the message as pending and stores and samples when due.</summary>
    private void Deliver(
        IConsumer<byte[], byte[]> consumer,
        Func<InboundMessage, CancellationToken, ValueTask> handler,
        in InboundMessage message,
        int? leaderEpoch,
        CancellationToken cancellationToken)
    {
        // Only this thread writes the counters; a plain 64-bit write is atomic, readers use Interlocked.Read.
        Volatile.Write(ref _consumed, _consumed + 1);
        Handle(handler, message, cancellationToken);
        Volatile.Write(ref _handled, _handled + 1);
        _pending.Set(message.Topic, message.Partition, message.Offset + 1, leaderEpoch);
        if (++_sinceStore >= StoreBatchSize || Environment.TickCount64 - _lastStoreTicks >= (long)StoreBatchInterval.TotalMilliseconds)
        {
            _sinceStore = 0;
            StorePending(consumer, null);
        }

        if (++_sinceLagSample >= LagSampleInterval)
        {
            _sinceLagSample = 0;
            SampleLag(consumer);
        }
    }

    private void Handle(
        Func<InboundMessage, CancellationToken, ValueTask> handler,
        in InboundMessage message,
        CancellationToken cancellationToken)
    {
        try
        {
            Wait(handler(message, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _log($"kafka consumer stopping: handler failed at {message.Topic} [{message.Partition}] @{message.Offset} (offset not stored): {ex.Message}");
            throw;
        }
    }

    private ConsumeResult<byte[], byte[]>? Consume(IConsumer<byte[], byte[]> consumer, TimeSpan timeout)
    {
        try
        {
            var result = consumer.Consume(timeout);
            return result is null || result.IsPartitionEOF ? null : result;
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            _log($"kafka consume error (continuing): {ex.Error.Code}: {ex.Error.Reason}");
            return null;
        }
    }

    /// <summary>Stores the pending offsets of <paramref name="partitions"/> (all when null) and forgets them.</summary>
    private void StorePending(IConsumer<byte[], byte[]> consumer, List<TopicPartitionOffset>? partitions)
    {
        _lastStoreTicks = Environment.TickCount64;
        if (_pending.Count == 0)
        {
            return;
        }

        foreach (var offset in _pending.Take(partitions))
        {
            try
            {
                consumer.StoreOffset(offset);
            }
            catch (KafkaException ex)
            {
                // Revoked or lost meanwhile (Local_State), or the client failed: the messages come again, at least once.
                _log($"kafka offset not stored for {offset.TopicPartition}: {ex.Error.Code}: {ex.Error.Reason}");
            }
        }
    }

    private void SampleLag(IConsumer<byte[], byte[]> consumer)
    {
        var assignment = consumer.Assignment;
        var lag = new PartitionLag[assignment.Count];
        for (var i = 0; i < lag.Length; i++)
        {
            var partition = assignment[i];
            var high = consumer.GetWatermarkOffsets(partition).High;
            // The next message to handle: librdkafka's position is past the whole batch taken from it.
            var position = _pending.TryGetNext(partition.Topic, partition.Partition.Value, out var next) ? new Offset(next) : consumer.Position(partition);
            var known = high != Offset.Unset && position != Offset.Unset;
            lag[i] = new(partition.Topic, partition.Partition.Value, known ? Math.Max(0, high.Value - position.Value) : -1);
        }

        Volatile.Write(ref _lag, lag);
    }

    private void OnError(IConsumer<byte[], byte[]> consumer, Error error)
    {
        _log($"kafka consumer {(error.IsFatal ? "fatal " : string.Empty)}error: {error.Code}: {error.Reason}");
        if (error.IsFatal)
        {
            Volatile.Write(ref _fatal, error);
        }
    }

    private void Close(IConsumer<byte[], byte[]> consumer)
    {
        try
        {
            consumer.Close();
        }
        catch (KafkaException ex)
        {
            _log($"kafka consumer close failed: {ex.Error.Code}: {ex.Error.Reason}");
        }
    }

    private static void Wait(ValueTask task)
    {
        // Fast path: a synchronous handler never allocates a Task here.
        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
        }
        else
        {
            task.AsTask().GetAwaiter().GetResult();
        }
    }
}
