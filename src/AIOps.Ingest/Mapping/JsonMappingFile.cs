using AIOps.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AIOps.Ingest.Mapping;

/// <summary>
/// Reads one <c>rules/mappings/*.yaml</c> file (schema in rules/mappings/README.md). Every problem is reported with
/// file, line and column, all at once; a file with any problem yields no mapping (the engine refuses to start on it).
/// </summary>
internal sealed partial class JsonMappingFile
{
    /// <summary>Resource attributes a mapping may set (the first key of each of the resolver's lists).</summary>
    public static readonly string[] EntityAttributes =
    [
        EntityResolver.ServiceKeys[0], EntityResolver.HostKeys[0], EntityResolver.PodKeys[0],
        EntityResolver.NamespaceKeys[0], EntityResolver.ClusterKeys[0], EntityResolver.RegionKeys[0],
    ];

    private static readonly string[] TopKeys = ["name", "kind", "match", "records", "timestamp", "entity", "labels", "metric", "log", "event"];

    private readonly string _file;
    private readonly List<MappingError> _errors;

    private JsonMappingFile(string file, List<MappingError> errors)
    {
        _file = file;
        _errors = errors;
    }

    public static JsonMapping? Parse(string yaml, string file, List<MappingError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            errors.Add(new MappingError(file, (int)ex.Start.Line, (int)ex.Start.Column, ex.Message));
            return null;
        }

        var before = errors.Count;
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new MappingError(file, 1, 1, "a mapping file is a YAML mapping with at least name, kind and the section of its kind"));
            return null;
        }

        var mapping = new JsonMappingFile(file, errors).Read(root);
        return errors.Count == before ? mapping : null;
    }

    private JsonMapping? Read(YamlMappingNode root)
    {
        CheckKeys(root, TopKeys, "mapping");
        var name = Scalar(root, "name", required: true);
        if (name is not null && !IsFormatName(name))
        {
            Error(Child(root, "name")!, $"name '{name}' must be lower-case letters, digits and '-' (it is used as a format name in topic bindings)");
        }

        var kindText = Scalar(root, "kind", required: true);
        MappingKind? kind = kindText switch
        {
            "metric" => MappingKind.Metric,
            "log" => MappingKind.Log,
            "event" => MappingKind.Event,
            null => null,
            _ => null,
        };
        if (kindText is not null && kind is null)
        {
            Error(Child(root, "kind")!, $"kind '{kindText}' is not one of metric, log, event");
        }

        var metric = Child(root, "metric") is { } m ? ReadMetric(m) : null;
        var log = Child(root, "log") is { } l ? ReadLog(l) : null;
        var @event = Child(root, "event") is { } e ? ReadEvent(e) : null;
        RequireSection(root, kind, MappingKind.Metric, "metric", metric);
        RequireSection(root, kind, MappingKind.Log, "log", log);
        RequireSection(root, kind, MappingKind.Event, "event", @event);
        if (name is null || kind is null)
        {
            return null;
        }

        return new JsonMapping
        {
            Name = name,
            Kind = kind.Value,
            Origin = $"{_file}:{root.Start.Line}",
            Match = Child(root, "match") is { } match ? ReadMatch(match) : [],
            Records = Path(root, "records"),
            Timestamp = Child(root, "timestamp") is { } time ? ReadTimestamp(time) : TimestampMapping.MessageTime,
            Entity = Child(root, "entity") is { } entity ? ReadEntity(entity) : [],
            Labels = Child(root, "labels") is { } labels ? Paths(labels, "labels") : [],
            Metric = metric,
            Log = log,
            Event = @event,
        };
    }

    private void RequireSection(YamlMappingNode root, MappingKind? kind, MappingKind sectionKind, string section, object? value)
    {
        var present = Child(root, section) is not null;
        if (kind == sectionKind && !present)
        {
            Error(root, $"kind {section} needs a '{section}:' section");
        }
        else if (kind is not null && kind != sectionKind && present)
        {
            Error(Child(root, section)!, $"section '{section}:' does not apply to kind {kind.ToString()!.ToLowerInvariant()}");
        }

        _ = value;
    }

    private static bool IsFormatName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && char.IsAsciiLetterLower(name[0]);
}
