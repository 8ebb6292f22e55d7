using System.Diagnostics;
using AIOps.Ingest.Templates;

namespace AIOps.Accuracy.Loghub;

/// <summary>
/// Grouping accuracy of <see cref="LogTemplateMiner"/> on Loghub 2k with one configuration (the defaults) for
/// every system. Content comes from the structured CSV, as published benchmarks parse it; one online pass.
/// </summary>
internal static class LoghubBenchmark
{
    public static int Run(string[] args)
    {
        string? data = null;
        var details = false;
        var options = new LogTemplateMinerOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case "--threshold" when i + 1 < args.Length:
                    options.SimilarityThreshold = double.Parse(args[++i]);
                    break;
                case "--settled-after" when i + 1 < args.Length:
                    options.SettledAfter = int.Parse(args[++i]);
                    break;
                case "--depth" when i + 1 < args.Length:
                    options.Depth = int.Parse(args[++i]);
                    break;
                case "--details":
                    details = true;
                    break;
                default:
                    Console.Error.WriteLine("usage: loghub [--data DIR] [--threshold T] [--settled-after N] [--depth D] [--details]");
                    return 2;
            }
        }

        data ??= DefaultDataDirectory();
        if (data is null || !Directory.Exists(data))
        {
            Console.Error.WriteLine($"Loghub 2k data not found at '{data ?? "../shared/datasets/loghub-2k"}'; pass --data DIR.");
            return 1;
        }

        var missing = LoghubDataset.Systems.Where(system => !File.Exists(LoghubDataset.PathOf(data, system))).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"Loghub 2k data at '{data}' lacks: {string.Join(", ", missing.Select(system => LoghubDataset.PathOf(data, system)))}");
            return 1;
        }

        Console.WriteLine("| System | Lines | Truth events | Templates | GA |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var total = 0.0;
        var mining = TimeSpan.Zero;
        var lines = 0;
        foreach (var system in LoghubDataset.Systems)
        {
            var dataset = LoghubDataset.Load(data, system);
            var watch = Stopwatch.StartNew();
            var (accuracy, templates, predicted) = Evaluate(dataset, options);
            mining += watch.Elapsed;
            lines += dataset.Contents.Count;
            total += accuracy;
            var truthEvents = dataset.EventIds.Distinct().Count();
            Console.WriteLine($"| {system} | {dataset.Contents.Count} | {truthEvents} | {templates} | {accuracy:F3} |");
            if (details)
            {
                LoghubErrorReport.Write(Console.Out, dataset, predicted);
            }
        }

        Console.WriteLine($"| **Mean** | | | | **{total / LoghubDataset.Systems.Length:F3}** |");
        Console.WriteLine($"(mining {lines} lines took {mining.TotalSeconds:F2} s, including JIT and the one-time regex compilation)");
        return 0;
    }

    internal static (double Accuracy, int Templates, string[] Predicted) Evaluate(LoghubDataset dataset, LogTemplateMinerOptions options)
    {
        var miner = new LogTemplateMiner(options);
        var predicted = new string[dataset.Contents.Count];
        for (var i = 0; i < predicted.Length; i++)
        {
            // The id returned when the line arrives is its group: no re-assignment after the fact.
            predicted[i] = miner.Add(dataset.Contents[i]).TemplateId;
        }

        return (GroupingAccuracy.Compute(predicted, dataset.EventIds), miner.Count, predicted);
    }

    private static string? DefaultDataDirectory()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AIOps.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", "loghub-2k"));
                }
            }
        }

        return null;
    }
}
