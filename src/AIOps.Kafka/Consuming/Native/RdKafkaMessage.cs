using System.Runtime.InteropServices;

namespace AIOps.Kafka.Consuming.Native;

/// <summary>rd_kafka_message_t (rdkafka.h) in its natural C layout; read only in 64-bit processes (see <see cref="NativeBatchConsumer"/>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RdKafkaMessage
{
    public int Err;
    public IntPtr Rkt;
    public int Partition;
    public IntPtr Payload;
    public nuint Len;
    public IntPtr Key;
    public nuint KeyLen;
    public long Offset;
    public IntPtr Private;
}
