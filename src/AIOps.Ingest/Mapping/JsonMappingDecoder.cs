using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Common;
using AIOps.Ingest.Logs;

namespace AIOps.Ingest.Mapping;

/// <summary>
/// Decodes a source described by a <see cref="JsonMapping"/>: one object per message, an array or NDJSON of them,
/// or the array at the mapping's <c>records</c> path; every object becomes metric points, a log record or an event.
/// A field the mapping requires that is missing or of the wrong type fails the whole message with the reason.
/// </summary>
internal sealed class JsonMappingDecoder(JsonMapping mapping) : JsonDecoder
{
    public JsonMapping Mapping => mapping;

    public override string Format => mapping.Name;

    protected override bool AllowMultipleValues => true;

    protected override string? Map(JsonElement root, in InboundMessage message, ICollection<TelemetryRecord> output)
    {
        var items = root;
        if (mapping.Records is { } records)
        {
            if (!records.TryResolve(root, out items) || items.ValueKind != JsonValueKind.Array)
            {
                return $"records field '{records}' is missing or not an array";
            }
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            return MapOne(items, message.Timestamp, output);
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (MapOne(item, message.Timestamp, output) is { } error)
            {
                return $"[{index}]: {error}";
            }

            index++;
        }

        return null;
    }

    private string? MapOne(JsonElement obj, DateTimeOffset? messageTime, ICollection<TelemetryRecord> output)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return $"{mapping.Name}: expected a JSON object, got {obj.ValueKind}";
        }

        var timestamp = mapping.Timestamp.Read(obj, messageTime, out var timeError);
        if (timestamp is null)
        {
            return timeError;
        }

        var labels = ReadLabels(obj);
        var resource = EntityResolver.FromLabels(labels);
        return mapping.Kind switch
        {
            MappingKind.Metric => MapMetric(obj, mapping.Metric!, timestamp.Value, labels, resource, output),
            MappingKind.Log => MapLog(obj, mapping.Log!, timestamp.Value, labels, resource, output),
            _ => MapEvent(obj, mapping.Event!, timestamp.Value, labels, resource, output),
        };
    }

    // Entity attributes go in under their OpenTelemetry names, so the resolver and series ids see them like any source's.
    private LabelSet ReadLabels(JsonElement obj)
    {
        var items = Labels.Rent();
        foreach (var (attribute, paths) in mapping.Entity)
        {
            if (First(obj, paths) is { Length: > 0 } value)
            {
                items.Add(new(attribute, value));
            }
        }

        foreach (var path in mapping.Labels)
        {
            if (!path.TryResolve(obj, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in value.EnumerateObject())
                {
                    if (Json.Scalar(member.Value) is { } scalar)
                    {
                        items.Add(new(JsonTextCache.Name(member), scalar));
                    }
                }
            }
            else if (Json.Scalar(value) is { } scalar)
            {
                items.Add(new(path.Text, scalar));
            }
        }

        return Labels.BuildAndReturn(items);
    }

    private static string? MapMetric(JsonElement obj, MetricMapping metric, DateTimeOffset timestamp, LabelSet labels, Resource resource, ICollection<TelemetryRecord> output)
    {
        var name = metric.Name ?? metric.NameField!.ResolveScalar(obj);
        if (string.IsNullOrEmpty(name))
        {
            return $"metric name field '{metric.NameField}' is missing or empty";
        }

        var written = 0;
        foreach (var (suffix, path) in metric.Values)
        {
            if (!path.TryResolve(obj, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue; // a statistic set may omit members; at least one value must be there (below)
            }

            if (!Json.TryGetDouble(value, out var number))
            {
                return $"value field '{path}' is not a number";
            }

            output.Add(new MetricPoint
            {
                Name = suffix.Length == 0 ? name : name + "_" + suffix,
                Labels = labels,
                Value = number,
                Timestamp = timestamp,
                Resource = resource,
            });
            written++;
        }

        return written > 0 ? null : $"no value field present ({string.Join(", ", metric.Values.Select(v => v.Path.Text))})";
    }

    private static string? MapLog(JsonElement obj, LogMapping log, DateTimeOffset timestamp, LabelSet labels, Resource resource, ICollection<TelemetryRecord> output)
    {
        if (First(obj, log.Message) is not { } body)
        {
            return $"no message field present ({string.Join(", ", log.Message)})";
        }

        output.Add(new LogRecord
        {
            Timestamp = timestamp,
            Severity = log.Severity.Read(obj) ?? LevelSniffer.FromBody(body),
            Body = body,
            Attributes = labels,
            Resource = resource,
        });
        return null;
    }

    private string? MapEvent(JsonElement obj, EventMapping @event, DateTimeOffset timestamp, LabelSet labels, Resource resource, ICollection<TelemetryRecord> output)
    {
        if (First(obj, @event.Title) is not { Length: > 0 } title)
        {
            return $"no title field present ({string.Join(", ", @event.Title)})";
        }

        var status = EventStatus.Firing;
        if (@event.Status is { } statusField)
        {
            var word = statusField.ResolveScalar(obj);
            if (word is not null && @event.Resolved.Contains(word))
            {
                status = EventStatus.Resolved;
            }
            else if (word is null || !@event.Firing.Contains(word))
            {
                return $"status field '{statusField}' = '{word}' is neither firing ({string.Join(", ", @event.Firing)}) nor resolved ({string.Join(", ", @event.Resolved)})";
            }
        }

        // Without an id field the condition is identified by what it is about: title and labels (never the time).
        var fingerprint = @event.Fingerprint?.ResolveScalar(obj) is { Length: > 0 } id
            ? id
            : StableHash.Hex(StableHash.Of(mapping.Name + "/" + title, labels));
        output.Add(new EventRecord
        {
            Timestamp = timestamp,
            Resource = resource,
            Source = @event.Source.Length > 0 ? @event.Source : mapping.Name,
            Fingerprint = fingerprint,
            Status = status,
            Severity = @event.Severity.Read(obj) ?? (@event.Kind == EventKind.Alert ? Severity.Warning : Severity.Info),
            Kind = @event.Kind,
            Title = title,
            Labels = labels,
        });
        return null;
    }

    private static string? First(JsonElement obj, IReadOnlyList<FieldPath> paths)
    {
        foreach (var path in paths)
        {
            if (path.ResolveScalar(obj) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
