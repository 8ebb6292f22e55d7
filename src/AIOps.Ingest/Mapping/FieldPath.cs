using System.Text.Json;

namespace AIOps.Ingest.Mapping;

/// <summary>
/// A field of a JSON object named by a dotted path (<c>kubernetes.pod_name</c>). Keys that themselves contain dots
/// (<c>service.name</c>, ECS's <c>log.level</c>) are found too: at each level the longest key that exists wins.
/// </summary>
internal sealed class FieldPath
{
    private readonly int _count;

    // _keys[start][length - 1] = segments start..start+length joined by dots, precomputed so resolving allocates nothing.
    private readonly string[][] _keys;

    public FieldPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Text = path;
        var segments = path.Split('.');
        _count = segments.Length;
        _keys = new string[_count][];
        for (var start = 0; start < _count; start++)
        {
            _keys[start] = new string[_count - start];
            for (var length = 1; length <= _count - start; length++)
            {
                _keys[start][length - 1] = string.Join('.', segments, start, length);
            }
        }
    }

    public string Text { get; }

    public bool TryResolve(JsonElement root, out JsonElement value) => TryResolve(root, 0, out value);

    /// <summary>The value as text (strings as they are, numbers as written, booleans lower case), or null.</summary>
    public string? ResolveScalar(JsonElement root) => TryResolve(root, out var value) ? Common.Json.Scalar(value) : null;

    private bool TryResolve(JsonElement current, int start, out JsonElement value)
    {
        value = default;
        if (current.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        // Try the longest key first so "service.name" beats a nested service{name}; one segment is the common case.
        for (var end = _count; end > start; end--)
        {
            if (current.TryGetProperty(_keys[start][end - start - 1], out var child))
            {
                if (end == _count)
                {
                    value = child;
                    return true;
                }

                if (TryResolve(child, end, out value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public override string ToString() => Text;
}
