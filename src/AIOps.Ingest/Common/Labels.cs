using AIOps.Core.Model;

namespace AIOps.Ingest.Common;

internal static class Labels
{
    private const int PooledListsPerThread = 8;
    private const int MaxPooledCapacity = 256;

    // Decoders fill a list, build a set (which copies it) and drop the list: reusing the lists per thread keeps
    // that scratch space out of the per-message allocations. Decoders run synchronously, so a thread's lists are
    // never shared; a list lost to an exception is simply collected.
    [ThreadStatic]
    private static Stack<List<KeyValuePair<string, string>>>? t_free;

    /// <summary>An empty scratch list; give it back with <see cref="BuildAndReturn"/> or <see cref="Return"/>.</summary>
    public static List<KeyValuePair<string, string>> Rent() =>
        t_free is { Count: > 0 } free ? free.Pop() : new List<KeyValuePair<string, string>>(16);

    public static void Return(List<KeyValuePair<string, string>> items)
    {
        items.Clear();
        var free = t_free ??= new Stack<List<KeyValuePair<string, string>>>(PooledListsPerThread);
        if (items.Capacity <= MaxPooledCapacity && free.Count < PooledListsPerThread)
        {
            free.Push(items);
        }
    }

    /// <summary><see cref="Build"/>, then the scratch list goes back to the pool.</summary>
    public static LabelSet BuildAndReturn(List<KeyValuePair<string, string>> items)
    {
        var set = Build(items);
        Return(items);
        return set;
    }

    /// <summary>The same set as <see cref="LabelSet.With"/> (the new value wins), built through a scratch list.</summary>
    public static LabelSet With(LabelSet labels, string key, string value)
    {
        var items = Rent();
        for (var i = 0; i < labels.Count; i++)
        {
            items.Add(labels[i]);
        }

        items.Add(new(key, value));
        return BuildAndReturn(items);
    }

    /// <summary>Builds a set without the dictionary copy when the (usually few) keys are already unique.</summary>
    public static LabelSet Build(List<KeyValuePair<string, string>> items)
    {
        if (items.Count == 0)
        {
            return LabelSet.Empty;
        }

        if (items.Count <= 32)
        {
            for (var i = 1; i < items.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(items[i].Key, items[j].Key, StringComparison.Ordinal))
                    {
                        return LabelSet.From(items);
                    }
                }
            }

            return LabelSet.FromUnique(items);
        }

        return LabelSet.From(items);
    }
}
