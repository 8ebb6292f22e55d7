namespace AIOps.Kafka.Producing;

/// <summary>Header names the engine writes on its output topics.</summary>
public static class KafkaHeaders
{
    public const string SourceTopic = "aiops.source.topic";
    public const string SourcePartition = "aiops.source.partition";
    public const string SourceOffset = "aiops.source.offset";
    public const string Error = "aiops.error";
    public const string Version = "aiops.version";
}
