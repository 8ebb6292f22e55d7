using System.Runtime.InteropServices;
using AIOps.Kafka.Embedded;

namespace AIOps.Kafka.Consuming.Native;

/// <summary>
/// The slice of librdkafka's consumer C API (rdkafka.h) that receives messages in batches from the
/// high-level consumer's queue, bypassing Confluent.Kafka's per-message marshalling.
/// </summary>
internal static unsafe partial class ConsumerNative
{
    public const int ErrNoError = 0; // RD_KAFKA_RESP_ERR_NO_ERROR
    public const int ErrPartitionEof = -191; // RD_KAFKA_RESP_ERR__PARTITION_EOF
    public const int ErrNoEnt = -156; // RD_KAFKA_RESP_ERR__NOENT
    public const int ErrFatal = -150; // RD_KAFKA_RESP_ERR__FATAL
    public const int TimestampNotAvailable = 0; // RD_KAFKA_TIMESTAMP_NOT_AVAILABLE

    static ConsumerNative() => LibRdKafkaResolver.EnsureRegistered();

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_queue_get_consumer")]
    public static partial IntPtr QueueGetConsumer(IntPtr rk);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_queue_destroy")]
    public static partial void QueueDestroy(IntPtr rkqu);

    /// <summary>Waits up to <paramref name="timeoutMs"/> for the whole batch; serves rebalance, error and commit callbacks.</summary>
    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_consume_batch_queue")]
    public static partial nint ConsumeBatchQueue(IntPtr rkqu, int timeoutMs, IntPtr* messages, nuint size);

    /// <summary>One message (or none after <paramref name="timeoutMs"/>): what rd_kafka_consumer_poll does on this queue.</summary>
    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_consume_queue")]
    public static partial RdKafkaMessage* ConsumeQueue(IntPtr rkqu, int timeoutMs);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_message_destroy")]
    public static partial void MessageDestroy(RdKafkaMessage* message);

    // Plain field reads inside librdkafka: no locks, no callbacks, so the GC transition can be skipped.
    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_message_timestamp")]
    [SuppressGCTransition]
    public static partial long MessageTimestamp(RdKafkaMessage* message, int* timestampType);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_message_leader_epoch")]
    [SuppressGCTransition]
    public static partial int MessageLeaderEpoch(RdKafkaMessage* message);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_topic_name")]
    [SuppressGCTransition]
    public static partial IntPtr TopicName(IntPtr rkt);

    /// <summary>Parses the message's headers on first use; <see cref="ErrNoEnt"/> when it has none.</summary>
    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_message_headers")]
    public static partial int MessageHeaders(RdKafkaMessage* message, IntPtr* headers);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_header_get_all")]
    public static partial int HeaderGetAll(IntPtr headers, nuint index, IntPtr* name, IntPtr* value, nuint* size);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_fatal_error")]
    public static partial int FatalError(IntPtr rk, byte* errstr, nuint errstrSize);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_name")]
    public static partial IntPtr Name(IntPtr rk);
}
