using System.Text;
using AIOps.Kafka.Producing;
using Confluent.Kafka;

namespace AIOps.Kafka.State;

/// <summary>
/// Keyed state on a compacted topic (<see cref="KafkaOptions.StateTopic"/>): the engine publishes one record per
/// series at shutdown and reads the latest record of every key at start-up, so an instance that starts on an empty
/// disk or takes over another's series resumes them warm. Create the topic with <c>cleanup.policy=compact</c>.
/// </summary>
public sealed class KafkaStateStore(KafkaOptions options, Action<string>? log = null)
{
    private const int InFlight = 5_000;
    private readonly Action<string> _log = log ?? (_ => { });

    public bool Enabled => !string.IsNullOrWhiteSpace(options.StateTopic);

    /// <summary>Produces every record (key, value) and waits for the acknowledgements; returns how many were delivered.</summary>
    public async Task<int> PublishAsync(SharedKafkaProducer producer, IEnumerable<KeyValuePair<string, byte[]>> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(records);
        var pending = new List<Task<DeliveryResult<byte[], byte[]>>>(InFlight);
        var delivered = 0;
        foreach (var (key, value) in records)
        {
            pending.Add(producer.ProduceAsync(options.StateTopic, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = value }, cancellationToken));
            if (pending.Count == InFlight)
            {
                delivered += await DrainAsync(pending).ConfigureAwait(false);
            }
        }

        return delivered + await DrainAsync(pending).ConfigureAwait(false);
    }

    /// <summary>The latest value of every key (deleted keys left out), read from the beginning to the end as of now.</summary>
    public IReadOnlyList<byte[]> ReadLatest(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        TopicMetadata? topic;
        using (var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(options)).Build())
        {
            topic = admin.GetMetadata(options.StateTopic, timeout).Topics.SingleOrDefault(t => t.Topic == options.StateTopic);
        }

        if (topic is null || topic.Error.IsError)
        {
            _log($"state topic {options.StateTopic}: {topic?.Error.Reason ?? "not found"}; series start cold");
            return [];
        }

        // One reader: the end of each partition as of now, then everything up to it from the beginning.
        using var consumer = new ConsumerBuilder<byte[], byte[]>(KafkaClientConfigs.StateReader(options)).Build();
        var ends = new Dictionary<TopicPartition, long>();
        foreach (var partition in topic.Partitions)
        {
            var tp = new TopicPartition(options.StateTopic, partition.PartitionId);
            var marks = consumer.QueryWatermarkOffsets(tp, Remaining(deadline));
            if (marks.High > marks.Low)
            {
                ends[tp] = marks.High;
            }
        }

        if (ends.Count == 0)
        {
            return [];
        }

        var latest = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        consumer.Assign(ends.Keys.Select(tp => new TopicPartitionOffset(tp, Offset.Beginning)));
        while (ends.Count > 0 && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(Remaining(deadline));
            if (result is null || result.IsPartitionEOF)
            {
                continue;
            }

            var key = result.Message.Key is null ? string.Empty : Encoding.UTF8.GetString(result.Message.Key);
            if (result.Message.Value is null)
            {
                latest.Remove(key); // a tombstone deletes the key
            }
            else
            {
                latest[key] = result.Message.Value;
            }

            if (ends.TryGetValue(result.TopicPartition, out var end) && result.Offset.Value >= end - 1)
            {
                ends.Remove(result.TopicPartition);
            }
        }

        if (ends.Count > 0)
        {
            _log($"state topic {options.StateTopic}: {ends.Count} partition(s) not read to the end within {timeout}; using what was read");
        }

        return [.. latest.Values];
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static async Task<int> DrainAsync(List<Task<DeliveryResult<byte[], byte[]>>> pending)
    {
        var delivered = 0;
        foreach (var task in pending)
        {
            try
            {
                await task.ConfigureAwait(false);
                delivered++;
            }
            catch (ProduceException<byte[], byte[]>)
            {
                // Counted by the shared producer; a series whose state is not stored starts cold next time.
            }
        }

        pending.Clear();
        return delivered;
    }
}
