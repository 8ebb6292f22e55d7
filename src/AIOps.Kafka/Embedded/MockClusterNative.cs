using System.Runtime.InteropServices;

namespace AIOps.Kafka.Embedded;

/// <summary>
/// The slice of librdkafka's C API (rdkafka.h, rdkafka_mock.h) that creates and steers the built-in
/// mock cluster. Confluent.Kafka does not expose it, so it is bound here directly.
/// </summary>
internal static partial class MockClusterNative
{
    public const int ProducerType = 0; // RD_KAFKA_PRODUCER
    public const int ConfOk = 0; // RD_KAFKA_CONF_OK

    static MockClusterNative() => LibRdKafkaResolver.EnsureRegistered();

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_conf_new")]
    public static partial IntPtr ConfNew();

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_conf_destroy")]
    public static partial void ConfDestroy(IntPtr conf);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ConfSet(IntPtr conf, string name, string value, byte[] errstr, nuint errstrSize);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_new")]
    public static partial IntPtr New(int type, IntPtr conf, byte[] errstr, nuint errstrSize);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_destroy")]
    public static partial void Destroy(IntPtr rk);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_cluster_new")]
    public static partial IntPtr ClusterNew(IntPtr rk, int brokerCount);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    public static partial void ClusterDestroy(IntPtr mcluster);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static partial IntPtr ClusterBootstraps(IntPtr mcluster);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TopicCreate(IntPtr mcluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_broker_set_down")]
    public static partial int BrokerSetDown(IntPtr mcluster, int brokerId);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_broker_set_up")]
    public static partial int BrokerSetUp(IntPtr mcluster, int brokerId);

    // The va-arg rd_kafka_mock_push_request_errors cannot be called portably; the array variant is exported too.
    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_push_request_errors_array")]
    public static partial void PushRequestErrorsArray(IntPtr mcluster, short apiKey, nuint count, int[] errors);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_clear_request_errors")]
    public static partial void ClearRequestErrors(IntPtr mcluster, short apiKey);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    public static partial void GroupInitialRebalanceDelayMs(IntPtr mcluster, int delayMs);

    [LibraryImport(LibRdKafkaResolver.LibraryName, EntryPoint = "rd_kafka_err2str")]
    public static partial IntPtr ErrToStr(int err);

    public static string ErrorText(int err) => Marshal.PtrToStringUTF8(ErrToStr(err)) ?? $"error {err}";
}
