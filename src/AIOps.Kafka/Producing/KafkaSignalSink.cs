using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Kafka.Producing;

/// <summary>Publishes signals as JSON to the signals topic, keyed by entity so one entity stays on one partition.</summary>
public sealed class KafkaSignalSink : ISignalSink
{
    private readonly SharedKafkaProducer _producer;
    private readonly string _topic;

    public KafkaSignalSink(SharedKafkaProducer producer, KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(options);
        _producer = producer;
        _topic = options.SignalsTopic;
    }

    public async ValueTask PublishAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        await _producer.ProduceJsonAsync(_topic, signal.Entity, signal, null, cancellationToken).ConfigureAwait(false);
    }
}
