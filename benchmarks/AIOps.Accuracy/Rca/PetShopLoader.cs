using System.Globalization;
using System.Text.Json;
using AIOps.Core.Topology;
using AIOps.RootCause.Series;

namespace AIOps.Accuracy.Rca;

/// <summary>
/// PetShop (amazon-science): metrics files with 4 header rows (node, metric, statistic, <c>unix_timestamp</c>), an
/// adjacency matrix <c>graph.csv</c> (row calls column), a <c>noissue</c> baseline recorded at another time, and per
/// issue the rows around it plus <c>target.json</c> (issue time, <c>root_cause.node</c>). The frame is the baseline
/// followed by the issue rows; node names contain '_' so the entity comes from the node header, not a split.
/// </summary>
internal static class PetShopLoader
{
    public static List<RcaCase> Load(string trafficDir)
    {
        var graph = LoadGraph(Path.Combine(trafficDir, "graph.csv"));
        var baseline = LoadMetrics(Path.Combine(trafficDir, "noissue", "metrics.csv"));
        var cases = new List<RcaCase>();
        foreach (var split in new[] { "train", "test" })
        {
            var splitDir = Path.Combine(trafficDir, split);
            if (!Directory.Exists(splitDir))
            {
                continue;
            }

            foreach (var issueDir in Directory.GetDirectories(splitDir).OrderBy(d => d.Length).ThenBy(d => d, StringComparer.Ordinal))
            {
                var issue = LoadMetrics(Path.Combine(issueDir, "metrics.csv"));
                using var target = JsonDocument.Parse(File.ReadAllText(Path.Combine(issueDir, "target.json")));
                var time = target.RootElement.GetProperty("target").GetProperty("timestamp").GetDouble();
                var cause = target.RootElement.GetProperty("root_cause").GetProperty("node").GetString()!;
                cases.Add(new RcaCase($"{split}/{Path.GetFileName(issueDir)}", SeriesFrame.WithBaseline(baseline, issue), time, cause, graph));
            }
        }

        return cases;
    }

    public static SeriesFrame LoadMetrics(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length < 4)
        {
            throw new FormatException($"{path}: expected 4 header rows");
        }

        var nodes = lines[0].Split(',');
        var metrics = lines[1].Split(',');
        var statistics = lines[2].Split(',');
        var rows = lines.Skip(4).Where(l => l.Length > 0).Select(l => l.Split(',')).OrderBy(r => Parse(r[0])).ToList();
        var times = rows.Select(r => Parse(r[0])).ToArray();
        var columns = new List<SeriesColumn>(nodes.Length - 1);
        for (var c = 1; c < nodes.Length; c++)
        {
            var values = new double[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                values[r] = c < rows[r].Length ? Parse(rows[r][c]) : double.NaN;
            }

            var metric = $"{metrics[c]}_{statistics[c]}";
            columns.Add(new SeriesColumn($"{nodes[c]}|{metric}", nodes[c], metric, values));
        }

        return new SeriesFrame(times, columns);
    }

    public static DependencyGraph LoadGraph(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var graph = new DependencyGraph();
        foreach (var line in lines.Skip(1))
        {
            // Node names have no commas in this dataset, so a plain split is exact.
            var cells = line.Split(',');
            for (var c = 1; c < cells.Length && c < header.Length; c++)
            {
                if (Parse(cells[c]) > 0)
                {
                    graph.AddStatic(cells[0], header[c]);
                }
            }
        }

        return graph;
    }

    private static double Parse(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
