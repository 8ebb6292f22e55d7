using AIOps.Core.Ports;

namespace AIOps.Kafka.Consuming.Native;

/// <summary>A reusable buffer of received messages and their partition leader epochs, filled by <see cref="NativeBatchConsumer.Poll"/>.</summary>
internal sealed class MessageBatch
{
    private readonly InboundMessage[] _messages;
    private readonly int[] _leaderEpochs;

    public MessageBatch(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _messages = new InboundMessage[capacity];
        _leaderEpochs = new int[capacity];
    }

    public int Capacity => _messages.Length;

    public int Count { get; private set; }

    public ReadOnlySpan<InboundMessage> Messages => _messages.AsSpan(0, Count);

    /// <summary>The partition leader epoch of message <paramref name="index"/>, or null if unknown.</summary>
    public int? LeaderEpoch(int index) => _leaderEpochs[index] < 0 ? null : _leaderEpochs[index];

    internal void Clear()
    {
        // Drop the references so a reused batch keeps no payload slab alive.
        Array.Clear(_messages, 0, Count);
        Count = 0;
    }

    internal void Add(in InboundMessage message, int leaderEpoch)
    {
        _messages[Count] = message;
        _leaderEpochs[Count] = leaderEpoch;
        Count++;
    }
}
