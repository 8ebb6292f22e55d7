using AIOps.Core.Model;
using YamlDotNet.RepresentationModel;

namespace AIOps.Ingest.Mapping;

/// <summary>The sections of a mapping file: match, timestamp, entity and one per kind.</summary>
internal sealed partial class JsonMappingFile
{
    private static readonly string[] MatchKeys = ["exists", "equals"];
    private static readonly string[] TimestampKeys = ["field", "format"];
    private static readonly string[] MetricKeys = ["name", "name_field", "value", "values"];
    private static readonly string[] LogKeys = ["message", "severity", "severity_map"];
    private static readonly string[] EventKeys = ["title", "status", "firing", "resolved", "severity", "severity_map", "fingerprint", "source", "kind"];

    private List<FieldCondition> ReadMatch(YamlNode node)
    {
        var conditions = new List<FieldCondition>();
        if (!IsMapping(node, "match", out var map))
        {
            return conditions;
        }

        CheckKeys(map, MatchKeys, "match");
        if (Child(map, "exists") is { } exists)
        {
            foreach (var field in Strings(exists, "match.exists"))
            {
                conditions.Add(new FieldCondition(field, null));
            }
        }

        if (Child(map, "equals") is { } equals && IsMapping(equals, "match.equals", out var pairs))
        {
            foreach (var (key, value) in pairs.Children)
            {
                if (value is YamlScalarNode { Value: { } text })
                {
                    conditions.Add(new FieldCondition(((YamlScalarNode)key).Value!, text));
                }
                else
                {
                    Error(value, "match.equals values are scalars (the text the top-level field must hold)");
                }
            }
        }

        foreach (var condition in conditions.Where(c => c.Field.Contains('.', StringComparison.Ordinal)))
        {
            Error(map, $"match field '{condition.Field}': match tests top-level fields only (a key that contains a dot is fine if it is top-level)");
        }

        if (conditions.Count == 0)
        {
            Error(map, "match needs at least one condition (exists: [fields] or equals: {field: text})");
        }

        return conditions;
    }

    private TimestampMapping ReadTimestamp(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return new TimestampMapping(Path(node, "timestamp"), null);
        }

        if (!IsMapping(node, "timestamp", out var map))
        {
            return TimestampMapping.MessageTime;
        }

        CheckKeys(map, TimestampKeys, "timestamp");
        var format = Scalar(map, "format", required: false);
        if (format is not null && format != TimestampMapping.Auto && !TimestampMapping.EpochUnits.ContainsKey(format) && !IsDateFormat(format))
        {
            Error(Child(map, "format")!, $"timestamp format '{format}' is not auto, unix_s, unix_ms, unix_us, unix_ns or a valid .NET date format");
        }

        var field = Path(map, "field");
        if (field is null)
        {
            Error(map, "timestamp needs field: (or leave timestamp out to use the Kafka message time)");
        }

        return new TimestampMapping(field, format);
    }

    private List<(string, IReadOnlyList<FieldPath>)> ReadEntity(YamlNode node)
    {
        var entity = new List<(string, IReadOnlyList<FieldPath>)>();
        if (!IsMapping(node, "entity", out var map))
        {
            return entity;
        }

        foreach (var (key, value) in map.Children)
        {
            var attribute = ((YamlScalarNode)key).Value!;
            if (!EntityAttributes.Contains(attribute))
            {
                Error(key, $"entity attribute '{attribute}' is not one of {string.Join(", ", EntityAttributes)}");
                continue;
            }

            entity.Add((attribute, Paths(value, "entity." + attribute)));
        }

        return entity;
    }

    private MetricMapping? ReadMetric(YamlNode node)
    {
        if (!IsMapping(node, "metric", out var map))
        {
            return null;
        }

        CheckKeys(map, MetricKeys, "metric");
        var name = Scalar(map, "name", required: false);
        var nameField = Path(map, "name_field");
        if ((name is null) == (nameField is null))
        {
            Error(map, "metric needs exactly one of name: (a literal metric name) or name_field: (the field holding it)");
        }

        var values = new List<(string, FieldPath)>();
        if (Path(map, "value") is { } single)
        {
            values.Add((string.Empty, single));
        }

        if (Child(map, "values") is { } many && IsMapping(many, "metric.values", out var table))
        {
            foreach (var (key, value) in table.Children)
            {
                if (Path(value, "metric.values." + ((YamlScalarNode)key).Value) is { } path)
                {
                    values.Add((((YamlScalarNode)key).Value!, path));
                }
            }
        }

        if (values.Count == 0 || (Child(map, "value") is not null && Child(map, "values") is not null))
        {
            Error(map, "metric needs exactly one of value: (a field) or values: {suffix: field, ...}");
        }

        return new MetricMapping(name, nameField, values);
    }

    private LogMapping? ReadLog(YamlNode node)
    {
        if (!IsMapping(node, "log", out var map))
        {
            return null;
        }

        CheckKeys(map, LogKeys, "log");
        var message = Child(map, "message") is { } m ? Paths(m, "log.message") : [];
        if (message.Count == 0)
        {
            Error(map, "log needs message: (a field, or a list of fields tried in order)");
        }

        return new LogMapping(message, ReadSeverity(map));
    }

    private EventMapping? ReadEvent(YamlNode node)
    {
        if (!IsMapping(node, "event", out var map))
        {
            return null;
        }

        CheckKeys(map, EventKeys, "event");
        var title = Child(map, "title") is { } t ? Paths(t, "event.title") : [];
        if (title.Count == 0)
        {
            Error(map, "event needs title: (a field, or a list of fields tried in order)");
        }

        var status = Path(map, "status");
        var firing = WordSet(map, "firing");
        var resolved = WordSet(map, "resolved");
        if (status is not null && (firing.Count == 0 || resolved.Count == 0))
        {
            Error(map, "event with status: needs firing: [words] and resolved: [words] (what the source writes for each)");
        }

        var kindText = Scalar(map, "kind", required: false) ?? "alert";
        EventKind? kind = kindText switch { "alert" => EventKind.Alert, "change" => EventKind.Change, "info" => EventKind.Info, _ => null };
        if (kind is null)
        {
            Error(Child(map, "kind")!, $"event kind '{kindText}' is not one of alert, change, info");
        }

        return new EventMapping(title, status, firing, resolved, ReadSeverity(map), Path(map, "fingerprint"), Scalar(map, "source", required: false) ?? string.Empty, kind ?? EventKind.Alert);
    }

    private SeverityMapping ReadSeverity(YamlMappingNode map)
    {
        var field = Path(map, "severity");
        var table = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        if (Child(map, "severity_map") is { } node && IsMapping(node, "severity_map", out var words))
        {
            foreach (var (key, value) in words.Children)
            {
                var target = (value as YamlScalarNode)?.Value;
                var severity = SeverityParser.Parse(target);
                if (severity == Severity.Unknown)
                {
                    Error(value, $"severity_map value '{target}' is not a severity (debug, info, warning, error, critical)");
                    continue;
                }

                table[((YamlScalarNode)key).Value!.Trim()] = severity;
            }

            if (field is null)
            {
                Error(node, "severity_map needs severity: (the field it applies to)");
            }
        }

        return field is null ? SeverityMapping.None : new SeverityMapping(field, table);
    }

    private HashSet<string> WordSet(YamlMappingNode map, string key) =>
        Child(map, key) is { } node ? new HashSet<string>(Strings(node, key), StringComparer.OrdinalIgnoreCase) : new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    // A date format must name the year, month, day and hour, and read back what it writes.
    private static bool IsDateFormat(string format)
    {
        if (format.StartsWith("unix", StringComparison.OrdinalIgnoreCase) || !format.Contains('y') || !format.Contains('M') || !format.Contains('d') || !(format.Contains('H') || format.Contains('h')))
        {
            return false;
        }

        try
        {
            var sample = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
            var text = sample.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
            return DateTimeOffset.TryParseExact(text, format, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var back) && back == sample;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
