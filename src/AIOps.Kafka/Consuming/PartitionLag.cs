namespace AIOps.Kafka.Consuming;

/// <summary>
/// How far the engine trails one assigned partition: high watermark minus the next offset to read,
/// or -1 while unknown (nothing fetched or consumed yet).
/// </summary>
public readonly record struct PartitionLag(string Topic, int Partition, long Lag);
