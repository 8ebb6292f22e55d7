using Confluent.Kafka;

namespace AIOps.Kafka;

/// <summary>Builds Confluent configs from <see cref="KafkaOptions"/>: engine defaults, then pass-through, then guarantees.</summary>
internal static class KafkaClientConfigs
{
    public static ProducerConfig Producer(KafkaOptions options)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            LingerMs = KafkaDefaults.LingerMs,
            ClientId = "aiops-producer",
        };
        Apply(config, options.ClientConfig);
        // At-least-once without duplicates from retries: every replica acknowledged, idempotent retries.
        config.Acks = Acks.All;
        config.EnableIdempotence = true;
        return config;
    }

    public static ConsumerConfig Consumer(KafkaOptions options)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            ClientId = "aiops-consumer",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            FetchQueueBackoffMs = KafkaDefaults.FetchQueueBackoffMs,
        };
        Apply(config, options.ClientConfig);
        // Offsets are committed in the background, but only ones the loop stored after the handler returned.
        config.EnableAutoCommit = true;
        config.EnableAutoOffsetStore = false;
        return config;
    }

    /// <summary>A consumer that only reads the state topic by assignment: its own group id, never commits.</summary>
    public static ConsumerConfig StateReader(KafkaOptions options)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId + ".state-reader",
            ClientId = "aiops-state-reader",
        };
        Apply(config, options.ClientConfig);
        config.EnableAutoCommit = false;
        return config;
    }

    public static AdminClientConfig Admin(KafkaOptions options)
    {
        var config = new AdminClientConfig { BootstrapServers = options.BootstrapServers, ClientId = "aiops-admin" };
        Apply(config, options.ClientConfig);
        return config;
    }

    private static void Apply(ClientConfig config, Dictionary<string, string>? passThrough)
    {
        if (passThrough is null)
        {
            return;
        }

        foreach (var (key, value) in passThrough)
        {
            config.Set(key, value);
        }
    }
}
