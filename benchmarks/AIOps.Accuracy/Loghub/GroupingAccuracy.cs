namespace AIOps.Accuracy.Loghub;

/// <summary>
/// Grouping accuracy (Zhu et al., "Tools and Benchmarks for Automated Log Parsing"): a line is right when the
/// set of lines its predicted group holds equals the set of lines sharing its ground-truth event.
/// </summary>
internal static class GroupingAccuracy
{
    public static double Compute(IReadOnlyList<string> predicted, IReadOnlyList<string> truth)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        if (predicted.Count != truth.Count)
        {
            throw new ArgumentException("Predicted and truth must label the same lines.", nameof(predicted));
        }

        if (truth.Count == 0)
        {
            return 0;
        }

        var truthSizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in truth)
        {
            truthSizes[label] = truthSizes.GetValueOrDefault(label) + 1;
        }

        // Per predicted group: its size and the one truth label all its lines share (null once they disagree).
        var groups = new Dictionary<string, (int Size, string? Label, bool Mixed)>(StringComparer.Ordinal);
        for (var i = 0; i < predicted.Count; i++)
        {
            if (groups.TryGetValue(predicted[i], out var group))
            {
                var mixed = group.Mixed || group.Label != truth[i];
                groups[predicted[i]] = (group.Size + 1, group.Label, mixed);
            }
            else
            {
                groups[predicted[i]] = (1, truth[i], false);
            }
        }

        var right = 0;
        foreach (var (size, label, mixed) in groups.Values)
        {
            if (!mixed && truthSizes[label!] == size)
            {
                right += size;
            }
        }

        return (double)right / truth.Count;
    }
}
