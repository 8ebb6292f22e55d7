namespace AIOps.Accuracy.Loghub;

/// <summary>For tuning by method, not by system: lists truth events the miner split or merged, with examples.</summary>
internal static class LoghubErrorReport
{
    public static void Write(TextWriter output, LoghubDataset dataset, string[] predicted)
    {
        var byTruth = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byPredicted = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < predicted.Length; i++)
        {
            Add(byTruth, dataset.EventIds[i], i);
            Add(byPredicted, predicted[i], i);
        }

        foreach (var (truth, lines) in byTruth)
        {
            var groups = lines.Select(i => predicted[i]).Distinct().ToList();
            var merged = groups.Any(g => byPredicted[g].Any(i => dataset.EventIds[i] != truth));
            if (groups.Count == 1 && !merged)
            {
                continue;
            }

            output.WriteLine($"  {truth} ({lines.Count} lines): {groups.Count} groups{(merged ? ", merged with others" : string.Empty)}");
            foreach (var group in groups.Take(4))
            {
                var first = byPredicted[group].First(i => dataset.EventIds[i] == truth);
                var others = byPredicted[group].Where(i => dataset.EventIds[i] != truth).Select(i => dataset.EventIds[i]).Distinct().Take(3);
                output.WriteLine($"    [{group[..6]}] n={byPredicted[group].Count} +{string.Join(',', others)} {dataset.Contents[first]}");
            }
        }
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int line)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map.Add(key, list);
        }

        list.Add(line);
    }
}
