namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// Well-formed protobuf that is not a usable OTLP request (a metric without a name, a span without ids, nesting
/// too deep). Thrown from inside the readers and turned into a failed result with this reason by the decoder.
/// </summary>
internal sealed class OtlpProtoException(string message) : Exception(message);
