namespace AIOps.Ingest.Otlp.Proto;

/// <summary>Which OTLP export request a protobuf payload is: the three share their outer field numbers.</summary>
internal enum OtlpSignal
{
    Unknown,
    Metrics,
    Logs,
    Traces,
}
