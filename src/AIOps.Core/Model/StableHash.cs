namespace AIOps.Core.Model;

/// <summary>
/// FNV-1a 64-bit over UTF-16 code units. Stable across processes, machines and restarts
/// (unlike string.GetHashCode), so ids derived from it can be persisted and compared.
/// </summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(string text) => Append(OffsetBasis, text);

    public static ulong Of(string name, LabelSet labels)
    {
        var hash = Append(OffsetBasis, name);
        // By index: the interface enumerator would allocate on every series-id computation (a per-point hot path).
        for (var i = 0; i < labels.Count; i++)
        {
            var (key, value) = labels[i];
            hash = Append(Mix(hash, 0xFF), key);
            hash = Append(Mix(hash, 0xFE), value);
        }

        return hash;
    }

    public static ulong Append(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = Mix(hash, (byte)c);
            hash = Mix(hash, (byte)(c >> 8));
        }

        return hash;
    }

    public static ulong Combine(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = Mix(hash, (byte)(value >> (i * 8)));
        }

        return hash;
    }

    /// <summary>A short lowercase hex form for ids.</summary>
    public static string Hex(ulong hash) => hash.ToString("x16");

    private static ulong Mix(ulong hash, byte b) => (hash ^ b) * Prime;
}
