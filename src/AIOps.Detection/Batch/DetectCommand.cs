using System.Globalization;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Batch;

/// <summary>
/// Scores `timestamp,value` CSV files causally with one detector configuration and writes
/// `timestamp,value,anomaly_score`. A folder input is searched recursively and the output mirrors its tree.
/// </summary>
public static class DetectCommand
{
    /// <summary>Returns the number of files written.</summary>
    public static int Run(string inputPath, string outputPath) => Run(inputPath, outputPath, new DefaultDetectorFactory());

    public static int Run(string inputPath, string outputPath, ISeriesDetectorFactory factory)
    {
        if (File.Exists(inputPath))
        {
            var target = Directory.Exists(outputPath) ? Path.Combine(outputPath, Path.GetFileName(inputPath)) : outputPath;
            ScoreFile(inputPath, target, factory);
            return 1;
        }

        if (!Directory.Exists(inputPath))
        {
            throw new FileNotFoundException($"input '{inputPath}' is neither a file nor a folder", inputPath);
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(inputPath, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            ScoreFile(file, Path.Combine(outputPath, Path.GetRelativePath(inputPath, file)), factory);
            count++;
        }

        return count;
    }

    private static void ScoreFile(string input, string output, ISeriesDetectorFactory factory)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var detector = factory.Create(Path.GetFileNameWithoutExtension(input));
        using var reader = new StreamReader(input);
        using var writer = new StreamWriter(output);
        writer.WriteLine("timestamp,value,anomaly_score");
        var first = true;
        while (reader.ReadLine() is { } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                continue;
            }

            var stamp = line.AsSpan(0, comma).Trim();
            var valueText = line.AsSpan(comma + 1).Trim();
            var parsedTime = DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp);
            if (!parsedTime)
            {
                if (first)
                {
                    first = false;
                    continue; // header
                }

                throw new FormatException($"{input}: bad timestamp '{stamp}'");
            }

            first = false;
            var value = double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
            var score = detector.Update(timestamp, value).Score;
            writer.Write(stamp);
            writer.Write(',');
            writer.Write(valueText);
            writer.Write(',');
            writer.WriteLine(score.ToString("0.######", CultureInfo.InvariantCulture));
        }
    }
}
