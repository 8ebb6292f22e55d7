using System.Globalization;
using System.Text.Json;

namespace AIOps.Accuracy.Nab;

/// <summary>One NAB data file: its rows and its anomaly windows as row indices.</summary>
internal sealed record NabFile(string Name, string Category, DateTimeOffset[] Timestamps, double[] Values, NabWindow[] Windows);

/// <summary>Loads the NAB data folder (data/&lt;category&gt;/*.csv and labels/combined_windows.json).</summary>
internal static class NabCorpus
{
    public static IReadOnlyList<NabFile> Load(string root)
    {
        var dataDir = Path.Combine(root, "data");
        var labelsPath = Path.Combine(root, "labels", "combined_windows.json");
        if (!Directory.Exists(dataDir) || !File.Exists(labelsPath))
        {
            throw new DirectoryNotFoundException($"NAB data not found under '{root}' (expected data/ and labels/combined_windows.json).");
        }

        using var labels = JsonDocument.Parse(File.ReadAllText(labelsPath));
        var files = new List<NabFile>();
        foreach (var entry in labels.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = Path.Combine(dataDir, entry.Name.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(path))
            {
                continue;
            }

            var (timestamps, values) = ReadSeries(path);
            var windows = new List<NabWindow>();
            foreach (var pair in entry.Value.EnumerateArray())
            {
                var start = ParseTimestamp(pair[0].GetString()!);
                var end = ParseTimestamp(pair[1].GetString()!);
                var first = Array.FindIndex(timestamps, t => t >= start);
                var last = Array.FindLastIndex(timestamps, t => t <= end);
                if (first >= 0 && last >= first)
                {
                    windows.Add(new NabWindow(first, last));
                }
            }

            var category = entry.Name.Split('/')[0];
            files.Add(new NabFile(entry.Name, category, timestamps, values, [.. windows]));
        }

        return files;
    }

    public static (DateTimeOffset[] Timestamps, double[] Values) ReadSeries(string path)
    {
        var timestamps = new List<DateTimeOffset>();
        var values = new List<double>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                continue;
            }

            timestamps.Add(ParseTimestamp(line[..comma]));
            values.Add(double.TryParse(line.AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN);
        }

        return ([.. timestamps], [.. values]);
    }

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
