using System.Collections;
using System.Text.Json.Serialization;
using AIOps.Core.Serialization;

namespace AIOps.Core.Model;

/// <summary>An immutable set of labels sorted by key (ordinal), so that equal sets compare and hash equal.</summary>
[JsonConverter(typeof(LabelSetJsonConverter))]
public sealed class LabelSet : IReadOnlyList<KeyValuePair<string, string>>, IEquatable<LabelSet>
{
    public static readonly LabelSet Empty = new([]);

    private readonly KeyValuePair<string, string>[] _items;

    private LabelSet(KeyValuePair<string, string>[] sortedItems) => _items = sortedItems;

    public int Count => _items.Length;

    public KeyValuePair<string, string> this[int index] => _items[index];

    /// <summary>Builds a set; a key given twice keeps its last value.</summary>
    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            map[key] = value;
        }

        return FromUnique(map);
    }

    public static LabelSet From(params (string Key, string Value)[] labels) =>
        From(labels.Select(l => new KeyValuePair<string, string>(l.Key, l.Value)));

    /// <summary>Builds a set from pairs whose keys are known to be unique (no copy into a dictionary).</summary>
    public static LabelSet FromUnique(IReadOnlyCollection<KeyValuePair<string, string>> labels)
    {
        if (labels.Count == 0)
        {
            return Empty;
        }

        var items = labels.ToArray();
        Array.Sort(items, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new LabelSet(items);
    }

    public string? Get(string key)
    {
        var lo = 0;
        var hi = _items.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = string.CompareOrdinal(_items[mid].Key, key);
            if (cmp == 0)
            {
                return _items[mid].Value;
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return null;
    }

    public LabelSet With(string key, string value) =>
        From(_items.Append(new KeyValuePair<string, string>(key, value)));

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(LabelSet? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!string.Equals(_items[i].Key, other._items[i].Key, StringComparison.Ordinal) ||
                !string.Equals(_items[i].Value, other._items[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => (int)StableHash.Of(string.Empty, this);

    public override string ToString() => "{" + string.Join(",", _items.Select(i => $"{i.Key}={i.Value}")) + "}";
}
