using System.Reflection;
using System.Runtime.InteropServices;
using AIOps.Core.Ports;
using AIOps.Kafka.Embedded;
using Confluent.Kafka;

namespace AIOps.Kafka.Consuming.Native;

/// <summary>
/// Receives the messages of a subscribed Confluent consumer in batches straight from librdkafka's consumer queue
/// (<c>rd_kafka_consume_batch_queue</c>) and maps them to <see cref="InboundMessage"/> with one payload copy into
/// shared slabs: no ConsumeResult, Message, Headers or TopicPartition objects and one native call per batch
/// instead of one per message. Group membership, rebalance handlers, offset store, commits and close stay with the
/// Confluent consumer: polling this queue serves the same callbacks (rebalance, error, commit) that Consume does,
/// and counts as a poll for max.poll.interval.ms. Not thread-safe: one consumer thread polls.
/// </summary>
internal sealed unsafe class NativeBatchConsumer : IDisposable
{
    private readonly SafeHandle _client;
    private readonly IntPtr _rk;
    private readonly Action<string> _log;
    private readonly IntPtr[] _pointers;
    private readonly PayloadSlab _slab = new();
    private readonly Dictionary<IntPtr, (IntPtr Name, string Topic)> _topics = [];
    private IntPtr _queue;
    private IntPtr _lastRkt;
    private string _lastTopic = string.Empty;

    private NativeBatchConsumer(SafeHandle client, IntPtr rk, IntPtr queue, int batchSize, Action<string> log)
    {
        _client = client;
        _rk = rk;
        _queue = queue;
        _log = log;
        // Pinned once: librdkafka writes the message pointers straight into it.
        _pointers = GC.AllocateArray<IntPtr>(batchSize, pinned: true);
    }

    /// <summary>Most messages one <see cref="Poll"/> returns.</summary>
    public int BatchSize => _pointers.Length;

    /// <summary>
    /// Binds to <paramref name="consumer"/>'s librdkafka handle, or returns null (after logging why) when that
    /// is not possible: then the caller keeps using Consume.
    /// </summary>
    public static NativeBatchConsumer? TryCreate(IConsumer<byte[], byte[]> consumer, int batchSize, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (!Environment.Is64BitProcess)
        {
            log("kafka consumer: native batch consume needs a 64-bit process; using Consume");
            return null;
        }

        SafeHandle? client;
        try
        {
            // Confluent.Kafka keeps the rd_kafka_t behind an internal property; reflection once per consumer.
            client = typeof(Handle).GetProperty("LibrdkafkaHandle", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(consumer.Handle) as SafeHandle;
        }
        catch (Exception ex) when (ex is TargetInvocationException or MemberAccessException or InvalidOperationException)
        {
            client = null;
        }

        if (client is null || client.IsInvalid || client.IsClosed)
        {
            log("kafka consumer: Confluent.Kafka's librdkafka handle is not reachable; using Consume");
            return null;
        }

        var added = false;
        try
        {
            client.DangerousAddRef(ref added);
            var rk = client.DangerousGetHandle();
            if (!SameLibrary(rk, consumer.Name, log))
            {
                client.DangerousRelease();
                return null;
            }

            var queue = ConsumerNative.QueueGetConsumer(rk);
            if (queue == IntPtr.Zero)
            {
                client.DangerousRelease();
                log("kafka consumer: librdkafka has no consumer queue for this client; using Consume");
                return null;
            }

            return new NativeBatchConsumer(client, rk, queue, batchSize, log);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            if (added)
            {
                client.DangerousRelease();
            }

            log($"kafka consumer: librdkafka batch consume unavailable ({ex.Message}); using Consume");
            return null;
        }
    }

    /// <summary>
    /// Replaces the content of <paramref name="into"/> with all messages queued now, up to <paramref name="max"/>
    /// (and the batch size and its capacity), or else the first to arrive within <paramref name="timeoutMs"/> (none
    /// if none did); returns their count. Partition EOF and non-fatal errors are logged and skipped; a fatal error
    /// throws <see cref="KafkaException"/>.
    /// </summary>
    public int Poll(int timeoutMs, MessageBatch into, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(into);
        ObjectDisposedException.ThrowIf(_queue == IntPtr.Zero, this);
        into.Clear();
        var size = Math.Max(1, Math.Min(max, Math.Min(_pointers.Length, into.Capacity)));
        nint received;
        fixed (IntPtr* pointers = _pointers)
        {
            // The batch call waits for a full batch until its timeout, so it only takes what is already queued;
            // an empty queue is waited on for a single message, which returns as soon as one arrives.
            received = ConsumerNative.ConsumeBatchQueue(_queue, 0, pointers, (nuint)size);
            if (received <= 0)
            {
                var one = ConsumerNative.ConsumeQueue(_queue, timeoutMs);
                if (one is null)
                {
                    return 0;
                }

                pointers[0] = (IntPtr)one;
                received = 1;
            }
        }

        Error? fatal = null;
        try
        {
            for (var i = 0; i < received; i++)
            {
                var message = (RdKafkaMessage*)_pointers[i];
                if (message->Err == ConsumerNative.ErrNoError)
                {
                    into.Add(Map(message), ConsumerNative.MessageLeaderEpoch(message));
                }
                else
                {
                    fatal ??= OnError(message);
                }
            }
        }
        finally
        {
            for (var i = 0; i < received; i++)
            {
                ConsumerNative.MessageDestroy((RdKafkaMessage*)_pointers[i]);
            }
        }

        return fatal is null ? into.Count : throw new KafkaException(fatal);
    }

    /// <summary>Releases the consumer queue; must run before the Confluent consumer is closed (rdkafka.h).</summary>
    public void Dispose()
    {
        if (_queue == IntPtr.Zero)
        {
            return;
        }

        ConsumerNative.QueueDestroy(_queue);
        _queue = IntPtr.Zero;
        _client.DangerousRelease();
    }

    private InboundMessage Map(RdKafkaMessage* message)
    {
        int timestampType;
        var timestamp = ConsumerNative.MessageTimestamp(message, &timestampType);
        return new InboundMessage(
            TopicOf(message->Rkt),
            message->Partition,
            message->Offset,
            _slab.Copy(message->Payload, message->Len),
            HeadersOf(message),
            timestampType == ConsumerNative.TimestampNotAvailable ? null : DateTimeOffset.FromUnixTimeMilliseconds(timestamp),
            message->Key == IntPtr.Zero ? default : _slab.Copy(message->Key, message->KeyLen));
    }

    private string TopicOf(IntPtr rkt)
    {
        if (rkt == _lastRkt)
        {
            return _lastTopic;
        }

        // Keyed by the topic object, checked against its name pointer in case librdkafka freed and reused the address.
        var name = ConsumerNative.TopicName(rkt);
        if (!_topics.TryGetValue(rkt, out var known) || known.Name != name)
        {
            known = (name, Marshal.PtrToStringUTF8(name) ?? string.Empty);
            _topics[rkt] = known;
        }

        _lastRkt = rkt;
        _lastTopic = known.Topic;
        return known.Topic;
    }

    private static IReadOnlyList<KeyValuePair<string, byte[]>> HeadersOf(RdKafkaMessage* message)
    {
        IntPtr headers;
        if (ConsumerNative.MessageHeaders(message, &headers) != ConsumerNative.ErrNoError || headers == IntPtr.Zero)
        {
            return InboundMessage.NoHeaders;
        }

        var mapped = new List<KeyValuePair<string, byte[]>>();
        IntPtr name;
        IntPtr value;
        nuint size;
        for (nuint i = 0; ConsumerNative.HeaderGetAll(headers, i, &name, &value, &size) == ConsumerNative.ErrNoError; i++)
        {
            // Kafka allows a null header value; Core's model has no null, an empty value says the same.
            var bytes = value == IntPtr.Zero ? [] : new ReadOnlySpan<byte>((void*)value, checked((int)size)).ToArray();
            mapped.Add(new(Marshal.PtrToStringUTF8(name) ?? string.Empty, bytes));
        }

        return mapped.Count == 0 ? InboundMessage.NoHeaders : mapped.ToArray();
    }

    /// <summary>Logs a non-fatal consume error and returns null, or returns the fatal error.</summary>
    private Error? OnError(RdKafkaMessage* message)
    {
        if (message->Err == ConsumerNative.ErrPartitionEof)
        {
            return null;
        }

        if (message->Err == ConsumerNative.ErrFatal)
        {
            var text = stackalloc byte[512];
            var code = ConsumerNative.FatalError(_rk, text, 512);
            return new Error((ErrorCode)code, Marshal.PtrToStringUTF8((IntPtr)text) ?? string.Empty, true);
        }

        // For an error the payload is its description.
        var reason = message->Payload == IntPtr.Zero ? string.Empty : Marshal.PtrToStringUTF8(message->Payload, checked((int)message->Len));
        _log($"kafka consume error (continuing): {(ErrorCode)message->Err}: {reason}");
        return null;
    }

    /// <summary>
    /// The rd_kafka_t pointer is only meaningful to the librdkafka copy that made it. This assembly binds librdkafka
    /// by the same file search as Confluent.Kafka; on Linux the process maps are checked for a second copy.
    /// </summary>
    private static bool SameLibrary(IntPtr rk, string expectedName, Action<string> log)
    {
        // The first call loads this assembly's binding, so the maps below include it.
        var name = Marshal.PtrToStringUTF8(ConsumerNative.Name(rk));
        var copies = LibRdKafkaResolver.MappedCopies();
        if (copies.Count > 1)
        {
            log($"kafka consumer: two librdkafka copies are loaded ({string.Join(", ", copies)}); using Consume");
            return false;
        }

        if (name != expectedName)
        {
            log($"kafka consumer: librdkafka handle names differ ({name} vs {expectedName}); using Consume");
            return false;
        }

        return true;
    }
}
