using System.Text.Json;
using AIOps.Core.Model;

namespace AIOps.Server.Decode;

/// <summary>
/// Writes decoded records as the one-line canonical JSON of `aiops decode`: kind, timestamp (RFC 3339), entity,
/// and per kind the fields of the model; an undecodable message is a `dlq` line with the reason and payload.
/// </summary>
public sealed class CanonicalRecordWriter(Stream output)
{
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { SkipValidation = false });
    private readonly Stream _output = output;

    public void Write(TelemetryRecord record)
    {
        _json.WriteStartObject();
        _json.WriteString("kind", record switch
        {
            MetricPoint => "metric",
            LogRecord => "log",
            EventRecord => "event",
            SpanRecord => "span",
            _ => "unknown",
        });
        _json.WriteString("timestamp", record.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        _json.WriteString("entity", record.Resource.EntityKey);
        switch (record)
        {
            case MetricPoint metric:
                _json.WriteString("name", metric.Name);
                WriteNumber("value", metric.Value);
                WriteLabels("labels", metric.Labels);
                break;
            case LogRecord log:
                _json.WriteString("severity", log.Severity.ToString().ToLowerInvariant());
                _json.WriteString("body", log.Body);
                _json.WriteString("template_id", log.TemplateId);
                WriteLabels("attributes", log.Attributes);
                break;
            case EventRecord evt:
                _json.WriteString("source", evt.Source);
                _json.WriteString("status", evt.Status.ToString().ToLowerInvariant());
                _json.WriteString("severity", evt.Severity.ToString().ToLowerInvariant());
                _json.WriteString("fingerprint", evt.Fingerprint);
                _json.WriteString("title", evt.Title);
                _json.WriteString("eventKind", evt.Kind.ToString().ToLowerInvariant());
                WriteLabels("labels", evt.Labels);
                break;
            case SpanRecord span:
                _json.WriteString("traceId", span.TraceId);
                _json.WriteString("spanId", span.SpanId);
                _json.WriteString("parentSpanId", span.ParentSpanId);
                _json.WriteString("service", span.Service);
                _json.WriteString("name", span.Operation);
                _json.WriteNumber("durationMs", span.Duration.TotalMilliseconds);
                _json.WriteBoolean("error", span.IsError);
                if (span.PeerService is not null)
                {
                    _json.WriteString("peerService", span.PeerService);
                }

                break;
        }

        End();
    }

    public void WriteDeadLetter(string reason, ReadOnlySpan<byte> payload)
    {
        _json.WriteStartObject();
        _json.WriteString("kind", "dlq");
        _json.WriteString("reason", reason);
        _json.WriteString("payload", System.Text.Encoding.UTF8.GetString(payload));
        End();
    }

    private void End()
    {
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _output.WriteByte((byte)'\n');
    }

    // JSON has no NaN or infinities; the prometheus adapter sends them, so they are written as strings.
    private void WriteNumber(string name, double value)
    {
        if (double.IsFinite(value))
        {
            _json.WriteNumber(name, value);
        }
        else
        {
            _json.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf");
        }
    }

    private void WriteLabels(string name, LabelSet labels)
    {
        _json.WriteStartObject(name);
        foreach (var (key, value) in labels)
        {
            _json.WriteString(key, value);
        }

        _json.WriteEndObject();
    }
}
