namespace AIOps.Kafka.Tests.Support;

/// <summary>How <see cref="AIOps.Kafka.Consuming.KafkaConsumerLoop"/> receives: the tests run each semantic on every path.</summary>
public enum ConsumerPath
{
    /// <summary>Confluent's Consume, one message per call (the fallback).</summary>
    Consume,

    /// <summary>librdkafka batches, handled on the consumer thread.</summary>
    Batch,

    /// <summary>librdkafka batches, handled on a second thread (the default).</summary>
    Pipelined,
}
