using Confluent.Kafka;

namespace AIOps.Kafka.Consuming;

/// <summary>
/// The next offset to store per partition, for handled messages whose offsets are not stored yet, and the next
/// offset to handle per partition still assigned (for lag: librdkafka's position is already past a whole batch). Set runs once
/// per message, so consecutive messages of one partition (the usual case: librdkafka hands out a fetch per
/// partition at a time) update the remembered slot without hashing or allocating.
/// </summary>
internal sealed class PendingOffsets
{
    private readonly Dictionary<(string Topic, int Partition), int> _slots = [];
    private Entry[] _entries = new Entry[16];
    private int _used;
    private string? _lastTopic;
    private int _lastPartition;
    private int _lastSlot;

    /// <summary>Partitions with an offset waiting to be stored.</summary>
    public int Count { get; private set; }

    public void Set(string topic, int partition, long nextOffset, int? leaderEpoch)
    {
        int slot;
        if (ReferenceEquals(topic, _lastTopic) && partition == _lastPartition)
        {
            slot = _lastSlot;
        }
        else
        {
            if (!_slots.TryGetValue((topic, partition), out slot))
            {
                if (_used == _entries.Length)
                {
                    Array.Resize(ref _entries, _used * 2);
                }

                slot = _used++;
                _entries[slot] = new Entry { Topic = topic, Partition = partition };
                _slots[(topic, partition)] = slot;
            }

            (_lastTopic, _lastPartition, _lastSlot) = (topic, partition, slot);
        }

        ref var entry = ref _entries[slot];
        if (!entry.Pending)
        {
            entry.Pending = true;
            Count++;
        }

        entry.NextOffset = nextOffset;
        entry.LeaderEpoch = leaderEpoch;
        entry.Known = true;
    }

    /// <summary>The offset after the last handled message of a partition, unless it was forgotten since.</summary>
    public bool TryGetNext(string topic, int partition, out long nextOffset)
    {
        if (_slots.TryGetValue((topic, partition), out var slot) && _entries[slot].Known)
        {
            nextOffset = _entries[slot].NextOffset;
            return true;
        }

        nextOffset = 0;
        return false;
    }

    /// <summary>Forgets the handled positions of revoked partitions (their pending offsets were taken already).</summary>
    public void Forget(List<TopicPartitionOffset> partitions)
    {
        for (var i = 0; i < _used; i++)
        {
            ref var entry = ref _entries[i];
            if (!entry.Pending && Contains(partitions, entry.Topic, entry.Partition))
            {
                entry.Known = false;
            }
        }
    }

    /// <summary>
    /// Removes and returns the pending offsets of <paramref name="partitions"/> (every partition when null).
    /// </summary>
    public List<TopicPartitionOffset> Take(List<TopicPartitionOffset>? partitions)
    {
        var taken = new List<TopicPartitionOffset>();
        for (var i = 0; i < _used && Count > 0; i++)
        {
            ref var entry = ref _entries[i];
            if (!entry.Pending || (partitions is not null && !Contains(partitions, entry.Topic, entry.Partition)))
            {
                continue;
            }

            entry.Pending = false;
            Count--;
            taken.Add(new TopicPartitionOffset(entry.Topic, entry.Partition, entry.NextOffset, entry.LeaderEpoch));
        }

        return taken;
    }

    public void Clear()
    {
        Array.Clear(_entries, 0, _used);
        _slots.Clear();
        _used = 0;
        Count = 0;
        _lastTopic = null;
    }

    private static bool Contains(List<TopicPartitionOffset> partitions, string topic, int partition)
    {
        foreach (var p in partitions)
        {
            if (p.Partition.Value == partition && p.Topic == topic)
            {
                return true;
            }
        }

        return false;
    }

    private struct Entry
    {
        public string Topic;
        public int Partition;
        public long NextOffset;
        public int? LeaderEpoch;
        public bool Pending;
        public bool Known;
    }
}
