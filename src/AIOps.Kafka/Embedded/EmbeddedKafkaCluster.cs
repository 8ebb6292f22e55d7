using System.Runtime.InteropServices;
using System.Text;

namespace AIOps.Kafka.Embedded;

/// <summary>
/// librdkafka's built-in Kafka-protocol mock cluster: real brokers on loopback TCP, in memory, so any
/// client (Confluent.Kafka, kcat, rsyslog) can produce and consume. Used when no <c>--kafka</c> is given,
/// and by tests for fault injection. It keeps only the newest few MB per partition.
/// </summary>
public sealed class EmbeddedKafkaCluster : IDisposable
{
    /// <summary>Default partition count of <see cref="CreateTopic"/> (and of topics the mock auto-creates).</summary>
    public const int DefaultPartitions = 4;

    private readonly Lock _gate = new();
    private IntPtr _owner;
    private IntPtr _cluster;

    private EmbeddedKafkaCluster(IntPtr owner, IntPtr cluster, int brokers, string bootstrapServers)
    {
        _owner = owner;
        _cluster = cluster;
        Brokers = brokers;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>Comma-separated <c>host:port</c> list of the mock brokers.</summary>
    public string BootstrapServers { get; }

    /// <summary>Number of brokers; their ids run from 1 to <see cref="Brokers"/>.</summary>
    public int Brokers { get; }

    /// <summary>Starts a cluster with <paramref name="brokers"/> brokers (ids 1..n).</summary>
    public static EmbeddedKafkaCluster Start(int brokers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        var errors = new byte[512];
        var conf = MockClusterNative.ConfNew();
        // The owning handle is bookkeeping only; keep it quiet (it warns about having no bootstrap.servers).
        SetOrThrow(conf, "log_level", "3", errors);
        SetOrThrow(conf, "client.id", "aiops-embedded-kafka", errors);

        // rd_kafka_new takes ownership of conf only when it succeeds.
        var owner = MockClusterNative.New(MockClusterNative.ProducerType, conf, errors, (nuint)errors.Length);
        if (owner == IntPtr.Zero)
        {
            MockClusterNative.ConfDestroy(conf);
            throw new InvalidOperationException($"rd_kafka_new failed: {CString(errors)}");
        }

        var cluster = MockClusterNative.ClusterNew(owner, brokers);
        if (cluster == IntPtr.Zero)
        {
            MockClusterNative.Destroy(owner);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        }

        // Real brokers delay the first rebalance by 3 s to batch joiners; a one-process engine gains nothing from it.
        MockClusterNative.GroupInitialRebalanceDelayMs(cluster, 0);
        var bootstraps = Marshal.PtrToStringUTF8(MockClusterNative.ClusterBootstraps(cluster)) ?? string.Empty;
        return new EmbeddedKafkaCluster(owner, cluster, brokers, bootstraps);
    }

    /// <summary>Creates a topic with a replication factor of min(3, brokers).</summary>
    public void CreateTopic(string name, int partitions = DefaultPartitions)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        lock (_gate)
        {
            Check(MockClusterNative.TopicCreate(Handle(), name, partitions, Math.Min(3, Brokers)), $"create topic {name}");
        }
    }

    /// <summary>Creates each topic (e.g. every input and output topic of the engine's options).</summary>
    public void CreateTopics(IEnumerable<string> names, int partitions = DefaultPartitions)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            CreateTopic(name, partitions);
        }
    }

    /// <summary>Disconnects the broker and refuses new connections (no leader change).</summary>
    public void SetBrokerDown(int brokerId)
    {
        lock (_gate)
        {
            Check(MockClusterNative.BrokerSetDown(Handle(), brokerId), $"set broker {brokerId} down");
        }
    }

    /// <summary>Makes the broker accept connections again.</summary>
    public void SetBrokerUp(int brokerId)
    {
        lock (_gate)
        {
            Check(MockClusterNative.BrokerSetUp(Handle(), brokerId), $"set broker {brokerId} up");
        }
    }

    /// <summary>
    /// The next requests with <paramref name="apiKey"/> (e.g. 0 = Produce, 1 = Fetch) fail with these Kafka
    /// error codes, in order, one per request.
    /// </summary>
    public void PushRequestErrors(short apiKey, params int[] errorCodes)
    {
        ArgumentNullException.ThrowIfNull(errorCodes);
        if (errorCodes.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            MockClusterNative.PushRequestErrorsArray(Handle(), apiKey, (nuint)errorCodes.Length, errorCodes);
        }
    }

    /// <summary>Drops the request errors still pending for <paramref name="apiKey"/>.</summary>
    public void ClearRequestErrors(short apiKey)
    {
        lock (_gate)
        {
            MockClusterNative.ClearRequestErrors(Handle(), apiKey);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                MockClusterNative.ClusterDestroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            if (_owner != IntPtr.Zero)
            {
                MockClusterNative.Destroy(_owner);
                _owner = IntPtr.Zero;
            }
        }
    }

    private IntPtr Handle()
    {
        ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
        return _cluster;
    }

    private static void Check(int err, string what)
    {
        if (err != 0)
        {
            throw new InvalidOperationException($"Mock cluster could not {what}: {MockClusterNative.ErrorText(err)}");
        }
    }

    private static void SetOrThrow(IntPtr conf, string name, string value, byte[] errors)
    {
        if (MockClusterNative.ConfSet(conf, name, value, errors, (nuint)errors.Length) != MockClusterNative.ConfOk)
        {
            MockClusterNative.ConfDestroy(conf);
            throw new InvalidOperationException($"rd_kafka_conf_set {name}: {CString(errors)}");
        }
    }

    private static string CString(byte[] buffer)
    {
        var end = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, end < 0 ? buffer.Length : end);
    }
}
