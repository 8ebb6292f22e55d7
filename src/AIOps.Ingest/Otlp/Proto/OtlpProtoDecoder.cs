using System.Runtime.InteropServices;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;
using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// OTLP protobuf, as the OpenTelemetry Collector's kafkaexporter writes it by default (<c>encoding: otlp_proto</c>)
/// and as OTLP/HTTP exporters post it: an ExportMetricsServiceRequest, ExportLogsServiceRequest or
/// ExportTraceServiceRequest, or the MetricsData, LogsData or TracesData that share their field numbers. Read with
/// Google.Protobuf's <see cref="CodedInputStream"/> straight from the payload through readers defined by the
/// .proto field numbers (no generated code, no message objects); the records are the ones
/// <see cref="OtlpJsonDecoder"/> makes from the same data in OTLP/JSON.
/// </summary>
internal sealed class OtlpProtoDecoder : ITelemetryDecoder
{
    public string Format => DecoderFormats.OtlpProto;

    public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var start = output.Count;
        string? error;
        try
        {
            error = DecodeCore(message, output);
        }
        catch (InvalidProtocolBufferException ex)
        {
            error = "invalid protobuf: " + ex.Message;
        }
        catch (OtlpProtoException ex)
        {
            error = ex.Message;
        }
        catch (InvalidOperationException ex)
        {
            // CodedInputStream's guard for an end-group tag without its start group.
            error = "invalid protobuf: " + ex.Message;
        }

        if (error is not null)
        {
            OutputRollback.To(output, start);
            return DecodeResult.Fail(Format, error);
        }

        return DecodeResult.Ok(Format, output.Count - start);
    }

    private static string? DecodeCore(in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        if (message.Payload.IsEmpty)
        {
            return "empty OTLP protobuf message (no resource_metrics, resource_logs or resource_spans)";
        }

        // Kafka payloads are arrays; anything else is copied once so CodedInputStream can read it in place.
        var segment = MemoryMarshal.TryGetArray(message.Payload, out var array) ? array : new ArraySegment<byte>(message.Payload.ToArray());
        var buffer = segment.Array!;
        var signal = OtlpSignalClassifier.Classify(buffer, segment.Offset, segment.Count, message);
        var keyValue = new KeyValueReader();
        var scope = new ScopeReader(
            signal,
            new MetricReader(buffer, new DataPointReader(keyValue), message.Timestamp, output),
            new LogRecordReader(keyValue, message.Timestamp, output),
            new SpanReader(keyValue, output));
        var blocks = new ResourceBlockReader(buffer, new ResourceReader(keyValue), scope);
        new RequestReader(blocks).MergeFrom(new CodedInputStream(buffer, segment.Offset, segment.Count));
        return blocks.Blocks == 0 ? "no resource_metrics, resource_logs or resource_spans (field 1) in the OTLP protobuf message" : null;
    }

    /// <summary>The export request (or XData): repeated resource_x = 1.</summary>
    private sealed class RequestReader(ResourceBlockReader blocks) : ProtoMessageReader
    {
        protected override bool OnField(CodedInputStream input, uint tag)
        {
            if (tag != OtlpWire.ResourceEntryTag)
            {
                return false;
            }

            input.ReadMessage(blocks);
            return true;
        }
    }
}
