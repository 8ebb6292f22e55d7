using YamlDotNet.RepresentationModel;

namespace AIOps.Ingest.Mapping;

/// <summary>Node access with errors at the node's position.</summary>
internal sealed partial class JsonMappingFile
{
    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private void CheckKeys(YamlMappingNode map, string[] allowed, string where)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !allowed.Contains(name))
            {
                Error(key, $"unknown key '{name}' in {where} (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    private string? Scalar(YamlMappingNode map, string key, bool required)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"missing '{key}:'");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }

        Error(node, $"'{key}:' must be a non-empty text");
        return null;
    }

    private FieldPath? Path(YamlMappingNode map, string key) => Child(map, key) is { } node ? Path(node, key) : null;

    private FieldPath? Path(YamlNode node, string where)
    {
        if (node is YamlScalarNode { Value: { } text } && IsPath(text))
        {
            return new FieldPath(text);
        }

        Error(node, $"'{where}' must be a field path like 'kubernetes.pod_name'");
        return null;
    }

    private List<FieldPath> Paths(YamlNode node, string where)
    {
        var paths = new List<FieldPath>();
        if (node is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (Path(item, where) is { } path)
                {
                    paths.Add(path);
                }
            }
        }
        else if (Path(node, where) is { } path)
        {
            paths.Add(path);
        }

        return paths;
    }

    private List<string> Strings(YamlNode node, string where)
    {
        var items = node is YamlSequenceNode list ? list.Children : [node];
        var texts = new List<string>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                texts.Add(text);
            }
            else
            {
                Error(item, $"'{where}' items must be non-empty texts");
            }
        }

        return texts;
    }

    private bool IsMapping(YamlNode node, string where, out YamlMappingNode map)
    {
        if (node is YamlMappingNode mapping)
        {
            map = mapping;
            return true;
        }

        Error(node, $"'{where}:' must be a mapping (key: value lines)");
        map = null!;
        return false;
    }

    private static bool IsPath(string text) =>
        text.Length > 0 && !text.StartsWith('.') && !text.EndsWith('.') && !text.Contains("..", StringComparison.Ordinal) && !text.Any(char.IsWhiteSpace);

    private void Error(YamlNode node, string message) =>
        _errors.Add(new MappingError(_file, (int)node.Start.Line, (int)node.Start.Column, message));
}
