using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace AIOps.Ingest.Common;

/// <summary>
/// A bounded, thread-safe map from raw UTF-8 keys to values, looked up by span without allocating
/// (the dictionary's alternate lookup). Telemetry repeats the same series keys and field names message after
/// message, so the decoded strings and label sets are built once. When full it is cleared, not evicted entry by
/// entry: cardinality blow-ups cost a rebuild, never unbounded memory.
/// </summary>
internal sealed class Utf8KeyCache<TValue>
{
    private readonly ConcurrentDictionary<byte[], TValue> _map = new(ByteKeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], TValue>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly int _capacity;

    public Utf8KeyCache(int capacity)
    {
        _capacity = capacity;
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public int Count => _map.Count;

    public bool TryGet(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out TValue value) => _lookup.TryGetValue(key, out value);

    public void Add(ReadOnlySpan<byte> key, TValue value)
    {
        if (_map.Count >= _capacity)
        {
            _map.Clear();
        }

        _map[key.ToArray()] = value;
    }

    private sealed class ByteKeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteKeyComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
