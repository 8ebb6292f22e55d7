namespace AIOps.Core.Ports;

/// <summary>A raw message as it arrived (from Kafka or a replayed dump), before decoding.</summary>
public readonly record struct InboundMessage(
    string Topic,
    int Partition,
    long Offset,
    ReadOnlyMemory<byte> Payload,
    IReadOnlyList<KeyValuePair<string, byte[]>> Headers,
    DateTimeOffset? Timestamp = null,
    ReadOnlyMemory<byte> Key = default)
{
    public static readonly IReadOnlyList<KeyValuePair<string, byte[]>> NoHeaders = [];

    /// <summary>The last value of a header, decoded as UTF-8, or null.</summary>
    public string? Header(string name)
    {
        for (var i = Headers.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Headers[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return System.Text.Encoding.UTF8.GetString(Headers[i].Value);
            }
        }

        return null;
    }
}
