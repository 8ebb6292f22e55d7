using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using AIOps.Core.Ports;
using Confluent.Kafka;

namespace AIOps.Kafka.Producing;

/// <summary>
/// Sends an undecodable message to the DLQ topic with its payload and key byte for byte, its original
/// headers, and headers saying where it came from and why it failed. Returns once the broker accepted it.
/// </summary>
public sealed class KafkaDeadLetterSink : IDeadLetterSink
{
    private readonly SharedKafkaProducer _producer;
    private readonly string _topic;

    public KafkaDeadLetterSink(SharedKafkaProducer producer, KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(options);
        _producer = producer;
        _topic = options.DlqTopic;
    }

    public async ValueTask DeadLetterAsync(InboundMessage message, string reason, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        var original = message.Headers ?? InboundMessage.NoHeaders;
        for (var i = 0; i < original.Count; i++)
        {
            headers.Add(original[i].Key, original[i].Value);
        }

        headers.Add(KafkaHeaders.SourceTopic, Encoding.UTF8.GetBytes(message.Topic ?? string.Empty));
        headers.Add(KafkaHeaders.SourcePartition, Utf8(message.Partition.ToString(CultureInfo.InvariantCulture)));
        headers.Add(KafkaHeaders.SourceOffset, Utf8(message.Offset.ToString(CultureInfo.InvariantCulture)));
        headers.Add(KafkaHeaders.Error, Utf8(reason ?? string.Empty));

        var dead = new Message<byte[], byte[]>
        {
            Key = message.Key.IsEmpty ? null! : Bytes(message.Key),
            Value = Bytes(message.Payload),
            Headers = headers,
        };
        await _producer.ProduceAsync(_topic, dead, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // Messages from the consumer own a whole array: pass it on instead of copying.
    private static byte[] Bytes(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();
}
