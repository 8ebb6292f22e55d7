using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>ScopeMetrics / ScopeLogs / ScopeSpans: each item (field 2) goes to the reader for the payload's signal.</summary>
internal sealed class ScopeReader(OtlpSignal signal, MetricReader metrics, LogRecordReader logs, SpanReader spans) : ProtoMessageReader
{
    private OtlpResource _resource = OtlpResource.Empty;

    public void Read(CodedInputStream input, OtlpResource resource)
    {
        _resource = resource;
        input.ReadMessage(this);
    }

    protected override bool OnField(CodedInputStream input, uint tag)
    {
        if (tag != OtlpWire.ItemTag)
        {
            return false;
        }

        switch (signal)
        {
            case OtlpSignal.Metrics:
                metrics.Read(input, _resource);
                break;
            case OtlpSignal.Logs:
                logs.Read(input, _resource);
                break;
            case OtlpSignal.Traces:
                spans.Read(input, _resource);
                break;
            default:
                throw new OtlpProtoException("cannot tell whether the OTLP protobuf items are metrics, log records or spans");
        }

        return true;
    }
}
