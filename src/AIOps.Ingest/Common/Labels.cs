using AIOps.Core.Model;

namespace AIOps.Ingest.Common;

internal static class Labels
{
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
