using System.Text;
using System.Text.Json;
using AIOps.Core.Serialization;
using Confluent.Kafka;

namespace AIOps.Kafka.Producing;

/// <summary>
/// The one producer the engine's sinks share (DLQ, incidents, signals): acks=all, idempotent, no linger (every write is awaited).
/// Disposing flushes what is still in flight before closing.
/// </summary>
public sealed class SharedKafkaProducer : IDisposable
{
    private readonly IProducer<byte[], byte[]> _producer;
    private readonly Action<string> _log;
    private long _delivered;
    private long _failed;
    private int _disposed;

    public SharedKafkaProducer(KafkaOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _log = log ?? (_ => { });
        _producer = new ProducerBuilder<byte[], byte[]>(KafkaClientConfigs.Producer(options))
            .SetErrorHandler((_, e) => _log($"kafka producer {(e.IsFatal ? "fatal " : string.Empty)}error: {e.Code}: {e.Reason}"))
            .SetLogHandler((_, m) => _log($"kafka producer {m.Level}: {m.Facility}: {m.Message}"))
            .Build();
    }

    /// <summary>Messages the brokers acknowledged.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Messages that failed for good (after librdkafka's own retries).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Produces and waits for the acknowledgement; throws <see cref="ProduceException{TKey,TValue}"/> on failure.</summary>
    public async Task<DeliveryResult<byte[], byte[]>> ProduceAsync(
        string topic, Message<byte[], byte[]> message, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _producer.ProduceAsync(topic, message, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _delivered);
            return result;
        }
        catch (ProduceException<byte[], byte[]>)
        {
            Interlocked.Increment(ref _failed);
            throw;
        }
    }

    /// <summary>Produces <paramref name="value"/> as the engine's JSON under a UTF-8 key and waits for delivery.</summary>
    public Task<DeliveryResult<byte[], byte[]>> ProduceJsonAsync<T>(string topic, string key, T value, Headers? headers, CancellationToken cancellationToken) =>
        ProduceAsync(
            topic,
            new Message<byte[], byte[]>
            {
                Key = Encoding.UTF8.GetBytes(key),
                Value = JsonSerializer.SerializeToUtf8Bytes(value, AiopsJson.Options),
                Headers = headers,
            },
            cancellationToken);

    /// <summary>Waits until every queued message was delivered or failed, up to <paramref name="timeout"/>.</summary>
    /// <returns>The number of messages still in flight.</returns>
    public int Flush(TimeSpan timeout) => _producer.Flush(timeout);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var left = _producer.Flush(TimeSpan.FromMilliseconds(KafkaDefaults.FlushTimeoutMs));
        if (left > 0)
        {
            _log($"kafka producer closed with {left} message(s) undelivered");
        }

        _producer.Dispose();
    }
}
