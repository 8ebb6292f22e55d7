using Confluent.Kafka;

namespace AIOps.Kafka.Tests.Support;

/// <summary>Reads a topic from the beginning with a throw-away group, independent of the code under test.</summary>
internal static class TopicReader
{
    public static List<ConsumeResult<byte[], byte[]>> Read(string bootstrap, string topic, int expected, int timeoutSeconds = 30)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Subscribe(topic);
        var results = new List<ConsumeResult<byte[], byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (results.Count < expected && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is not null)
            {
                results.Add(result);
            }
        }

        // Linger briefly so an unexpected extra copy (a duplicate) would be seen too.
        var extra = consumer.Consume(TimeSpan.FromMilliseconds(300));
        if (extra is not null)
        {
            results.Add(extra);
        }

        consumer.Close();
        return results;
    }

    public static async Task ProduceAsync(string bootstrap, string topic, IEnumerable<(string? Key, string Value)> messages)
    {
        using var producer = new ProducerBuilder<string?, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        foreach (var (key, value) in messages)
        {
            await producer.ProduceAsync(topic, new Message<string?, string> { Key = key, Value = value });
        }
    }

    public static string UniqueTopic(string prefix) => $"{prefix}.{Guid.NewGuid():N}";
}
