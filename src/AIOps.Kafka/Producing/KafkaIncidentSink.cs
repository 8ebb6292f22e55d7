using System.Globalization;
using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using Confluent.Kafka;

namespace AIOps.Kafka.Producing;

/// <summary>
/// Publishes every incident version as JSON to the incidents topic, keyed by incident id so a compacted
/// topic keeps the latest version; <c>aiops.version</c> lets readers drop replayed older versions.
/// </summary>
public sealed class KafkaIncidentSink : IIncidentSink
{
    private readonly SharedKafkaProducer _producer;
    private readonly string _topic;

    public KafkaIncidentSink(SharedKafkaProducer producer, KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(options);
        _producer = producer;
        _topic = options.IncidentsTopic;
    }

    public async ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var headers = new Headers { { KafkaHeaders.Version, Encoding.UTF8.GetBytes(incident.Version.ToString(CultureInfo.InvariantCulture)) } };
        await _producer.ProduceJsonAsync(_topic, incident.Id, incident, headers, cancellationToken).ConfigureAwait(false);
    }
}
