using AIOps.Kafka.Consuming;
using AIOps.Kafka.Embedded;
using Confluent.Kafka;

namespace AIOps.Kafka.Tests.Support;

internal static class KafkaTestOptions
{
    /// <summary>Options bound to the given topics on the cluster, with a fresh group and a short idle interval.</summary>
    public static KafkaOptions For(EmbeddedKafkaCluster cluster, params string[] topics) => new()
    {
        BootstrapServers = cluster.BootstrapServers,
        GroupId = "g-" + Guid.NewGuid().ToString("N"),
        InputTopics = topics.ToDictionary(t => t, _ => KafkaDefaults.AutoFormat),
        IdleIntervalMs = 100,
        // The mock broker makes a joiner wait (session timeout - 1 s) after the last member left a group;
        // a short session keeps restart tests fast. This also exercises the ClientConfig pass-through.
        ClientConfig = new() { ["session.timeout.ms"] = "2000", ["heartbeat.interval.ms"] = "500" },
    };

    /// <summary>A consumer loop that receives through <paramref name="path"/>.</summary>
    public static KafkaConsumerLoop Loop(KafkaOptions options, ConsumerPath path, Action<string>? log = null) =>
        new(options, log) { UseNativeBatch = path != ConsumerPath.Consume, Pipelined = path == ConsumerPath.Pipelined };

    /// <summary>Produces <paramref name="perPartition"/> messages "p{partition}-{i}" (key "k{i}") to each partition, quickly.</summary>
    public static void ProduceToPartitions(EmbeddedKafkaCluster cluster, string topic, int partitions, int perPartition)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, LingerMs = 5 }).Build();
        var failed = 0;
        for (var i = 0; i < perPartition; i++)
        {
            for (var p = 0; p < partitions; p++)
            {
                producer.Produce(new TopicPartition(topic, p), new Message<string, string> { Key = $"k{i}", Value = $"p{p}-{i}" }, r =>
                {
                    if (r.Error.IsError)
                    {
                        Interlocked.Increment(ref failed);
                    }
                });
            }
        }

        producer.Flush(TimeSpan.FromSeconds(30));
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} messages were not delivered");
        }
    }

    public static async Task<T> Within<T>(this Task<T> task, int seconds = 30) => await task.WaitAsync(TimeSpan.FromSeconds(seconds));

    public static async Task Within(this Task task, int seconds = 30) => await task.WaitAsync(TimeSpan.FromSeconds(seconds));
}
