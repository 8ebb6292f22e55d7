using System.Diagnostics;
using AIOps.Detection;
using AIOps.Detection.Scoring;

namespace AIOps.Accuracy.Nab;

/// <summary>
/// `nab [--data DIR] [--detector NAME]`: runs one detector causally over every NAB file, picks one threshold
/// per profile for the whole corpus and prints the normalised scores, overall and per category.
/// </summary>
internal static class NabBenchmark
{
    public static int Run(string[] args)
    {
        string? data = null;
        var detector = DetectorCatalog.DefaultName;
        var perFile = false;
        var perWindow = false;
        var halves = false;
        string? dump = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case "--files":
                    perFile = true;
                    break;
                case "--dump" when i + 1 < args.Length:
                    dump = args[++i];
                    break;
                case "--halves":
                    halves = true;
                    break;
                case "--windows":
                    perWindow = true;
                    break;
                case "--detector" when i + 1 < args.Length:
                    detector = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: nab [--data DIR] [--detector {string.Join('|', DetectorCatalog.Names)}]");
                    return 2;
            }
        }

        data ??= DefaultDataDirectory();
        if (data is null || !Directory.Exists(data))
        {
            Console.Error.WriteLine($"NAB data folder not found ({data ?? "no AIOps.sln above the working directory"}); pass --data DIR (expected ../shared/datasets/nab from the repo root).");
            return 1;
        }

        if (!DetectorCatalog.TryCreate(detector, out var factory))
        {
            Console.Error.WriteLine($"unknown detector '{detector}'; known: {string.Join(", ", DetectorCatalog.Names)}");
            return 2;
        }

        IReadOnlyList<NabFile> files;
        try
        {
            files = NabCorpus.Load(data);
        }
        catch (DirectoryNotFoundException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        var watch = Stopwatch.StartNew();
        var scores = RunDetector(factory, files);
        var points = files.Sum(f => f.Values.Length);
        Console.WriteLine($"NAB: detector={detector}, files={files.Count}, windows={files.Sum(f => f.Windows.Length)}, rows={points}, detect time={watch.Elapsed.TotalSeconds:F2}s");
        var report = Evaluate(files, scores);
        report.Print(Console.Out);
        if (halves)
        {
            NabHalves.Print(files, scores, Console.Out);
        }

        if (perFile)
        {
            PrintFiles(files, scores, report.Profiles[0].Threshold);
        }

        if (dump is not null)
        {
            Dump(dump, files, scores);
        }

        if (perWindow)
        {
            PrintWindows(files, scores, report.Profiles[0].Threshold);
        }

        return 0;
    }

    public static List<double[]> RunDetector(ISeriesDetectorFactory factory, IReadOnlyList<NabFile> files)
    {
        var scores = new List<double[]>(files.Count);
        foreach (var file in files)
        {
            var sut = factory.Create(file.Name);
            var s = new double[file.Values.Length];
            for (var i = 0; i < s.Length; i++)
            {
                s[i] = sut.Update(file.Timestamps[i], file.Values[i]).Score;
            }

            scores.Add(s);
        }

        return scores;
    }

    public static NabReport Evaluate(IReadOnlyList<NabFile> files, IReadOnlyList<double[]> scores)
    {
        var results = new List<NabProfileResult>();
        foreach (var profile in NabProfile.All)
        {
            var weights = files.Select(f => NabScorer.Prepare(f.Values.Length, f.Windows, profile, NabScorer.ProbationLength(f.Values.Length))).ToList();
            var (threshold, _) = NabThresholdOptimizer.Optimize(weights, scores);
            var categories = new SortedDictionary<string, NabCategoryResult>(StringComparer.Ordinal);
            var total = default(NabCategoryResult);
            for (var f = 0; f < files.Count; f++)
            {
                var counts = NabScorer.Score(weights[f], scores[f], threshold);
                var add = new NabCategoryResult(counts, weights[f].NullScore, weights[f].PerfectScore);
                categories[files[f].Category] = categories.TryGetValue(files[f].Category, out var c) ? c + add : add;
                total += add;
            }

            results.Add(new NabProfileResult(profile, threshold, total, categories));
        }

        return new NabReport(results);
    }

    // Diagnostic: per file, the standard-profile counts and the highest score inside vs outside the windows.
    private static void PrintFiles(IReadOnlyList<NabFile> files, IReadOnlyList<double[]> scores, double threshold)
    {
        Console.WriteLine();
        Console.WriteLine("| file | raw | TP | FN | FP | max in windows | max outside |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            var probation = NabScorer.ProbationLength(file.Values.Length);
            var weights = NabScorer.Prepare(file.Values.Length, file.Windows, NabProfile.Standard, probation);
            var counts = NabScorer.Score(weights, scores[f], threshold);
            double inside = 0, outside = 0;
            for (var i = probation; i < scores[f].Length; i++)
            {
                if (weights.WindowOf[i] >= 0)
                {
                    inside = Math.Max(inside, scores[f][i]);
                }
                else
                {
                    outside = Math.Max(outside, scores[f][i]);
                }
            }

            Console.WriteLine($"| {file.Name} | {counts.Raw:F2} | {counts.TruePositives} | {counts.FalseNegatives} | {counts.FalsePositives} | {inside:F3} | {outside:F3} |");
        }
    }

    // Diagnostic: per window, where the first detection fell (0 = left edge, 1 = right edge) and what it earned, the
    // highest score inside and where; then every false-positive row with its cost (standard profile).
    private static void PrintWindows(IReadOnlyList<NabFile> files, IReadOnlyList<double[]> scores, double threshold)
    {
        Console.WriteLine();
        Console.WriteLine("| file | window | width | first detection at | earned | max inside | at |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            var probation = NabScorer.ProbationLength(file.Values.Length);
            var weights = NabScorer.Prepare(file.Values.Length, file.Windows, NabProfile.Standard, probation);
            foreach (var win in file.Windows)
            {
                var first = -1;
                var best = 0.0;
                var bestAt = -1;
                for (var i = Math.Max(win.Start, probation); i <= win.End; i++)
                {
                    if (first < 0 && scores[f][i] >= threshold)
                    {
                        first = i;
                    }

                    if (scores[f][i] > best)
                    {
                        best = scores[f][i];
                        bestAt = i;
                    }
                }

                var at = first < 0 ? "-" : ((first - win.Start) / (double)win.Width).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
                var earned = first < 0 ? -1.0 : weights.Weights[first];
                var bestPos = bestAt < 0 ? "-" : ((bestAt - win.Start) / (double)win.Width).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
                Console.WriteLine($"| {file.Name} | {win.Start}-{win.End} | {win.Width} | {at} | {earned:F2} | {best:F3} | {bestPos} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| file | FP row | score | cost |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            var probation = NabScorer.ProbationLength(file.Values.Length);
            var weights = NabScorer.Prepare(file.Values.Length, file.Windows, NabProfile.Standard, probation);
            for (var i = probation; i < file.Values.Length; i++)
            {
                if (weights.WindowOf[i] < 0 && scores[f][i] >= threshold)
                {
                    Console.WriteLine($"| {file.Name} | {i} | {scores[f][i]:F3} | {weights.Weights[i]:F3} |");
                }
            }
        }
    }

    // Diagnostic: one CSV per file (row, value, score, window flag) for plotting.
    private static void Dump(string directory, IReadOnlyList<NabFile> files, IReadOnlyList<double[]> scores)
    {
        Directory.CreateDirectory(directory);
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            using var writer = new StreamWriter(Path.Combine(directory, Path.GetFileName(file.Name)));
            var probation = NabScorer.ProbationLength(file.Values.Length);
            for (var i = 0; i < file.Values.Length; i++)
            {
                var inWindow = Array.Exists(file.Windows, w => i >= w.Start && i <= w.End) ? 1 : 0;
                writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i},{file.Values[i]},{scores[f][i]},{inWindow},{(i < probation ? 1 : 0)}"));
            }
        }
    }

    private static string? DefaultDataDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AIOps.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", "nab"));
            }
        }

        return null;
    }
}
