using AIOps.Core.Ports;
using Confluent.Kafka;

namespace AIOps.Kafka.Consuming;

/// <summary>Turns a Confluent consume result into Core's transport-neutral <see cref="InboundMessage"/>.</summary>
internal static class InboundMessageMapper
{
    public static InboundMessage ToInbound(ConsumeResult<byte[], byte[]> result)
    {
        var message = result.Message;
        return new InboundMessage(
            result.Topic,
            result.Partition.Value,
            result.Offset.Value,
            message.Value ?? [],
            MapHeaders(message.Headers),
            message.Timestamp.Type == TimestampType.NotAvailable
                ? null
                : DateTimeOffset.FromUnixTimeMilliseconds(message.Timestamp.UnixTimestampMs),
            message.Key ?? default(ReadOnlyMemory<byte>));
    }

    private static IReadOnlyList<KeyValuePair<string, byte[]>> MapHeaders(Headers? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return InboundMessage.NoHeaders;
        }

        var mapped = new KeyValuePair<string, byte[]>[headers.Count];
        for (var i = 0; i < mapped.Length; i++)
        {
            var header = headers[i];
            // Kafka allows a null header value; Core's model has no null, an empty value says the same.
            mapped[i] = new(header.Key, header.GetValueBytes() ?? []);
        }

        return mapped;
    }
}
