using System.Globalization;
using AIOps.RootCause.Series;

namespace AIOps.Accuracy.Rca;

/// <summary>
/// <c>dotnet run --project benchmarks/AIOps.Accuracy -c Release -- rca [--data DIR] [--verbose] [--set Option=value]</c>: ranks the root
/// cause of every Sock Shop and PetShop (low traffic) case with the series analyzer, once with the injection time
/// given and once with the onset detected, next to the N-sigma and BARO-style baselines, and prints AC@1, AC@3, AC@5
/// and Avg@5 as a Markdown table.
/// </summary>
internal static class RcaBenchmark
{
    public static int Run(string[] args)
    {
        string? dataArg = null;
        var verbose = false;
        var options = new SeriesRcaOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--data" && i + 1 < args.Length)
            {
                dataArg = args[++i];
            }
            else if (args[i] == "--set" && i + 1 < args.Length)
            {
                // --set Name=value overrides one SeriesRcaOptions property (for ablations; defaults are what is reported).
                var (name, value) = (args[++i].Split('=')[0], args[i].Split('=')[1]);
                var property = typeof(SeriesRcaOptions).GetProperty(name) ?? throw new ArgumentException($"no option {name}");
                property.SetValue(options, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
            }
            else if (args[i] == "--verbose")
            {
                verbose = true;
            }
        }

        var data = DataLocator.Find(dataArg);
        var rcaDir = data is null ? null : Path.Combine(data, "rca");
        if (rcaDir is null || !Directory.Exists(rcaDir))
        {
            Console.Error.WriteLine($"RCA datasets not found (looked for {(dataArg ?? "../shared/datasets next to AIOps.sln")}/rca); pass --data DIR.");
            return 2;
        }

        Console.WriteLine("| Dataset | Method | Onset | Cases | AC@1 | AC@3 | AC@5 | Avg@5 | Median onset error |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        var sockShop = Path.Combine(rcaDir, "sock-shop");
        if (Directory.Exists(sockShop))
        {
            Evaluate("Sock Shop", SockShopLoader.Load(sockShop), options, verbose);
        }
        else
        {
            Console.Error.WriteLine($"missing {sockShop}");
        }

        var petShop = Path.Combine(rcaDir, "petshop", "low_traffic");
        if (Directory.Exists(petShop))
        {
            Evaluate("PetShop low traffic", PetShopLoader.Load(petShop), options, verbose);
        }
        else
        {
            Console.Error.WriteLine($"missing {petShop}");
        }

        return 0;
    }

    private static void Evaluate(string dataset, List<RcaCase> cases, SeriesRcaOptions options, bool verbose)
    {
        var analyzer = new SeriesRootCauseAnalyzer(options);
        var nSigma = new List<int>();
        var baro = new List<int>();
        var given = new List<int>();
        var detected = new List<int>();
        var onsetErrors = new List<double>();
        foreach (var c in cases)
        {
            var onsetRow = c.Frame.RowAtOrAfter(c.InjectionUnixSeconds);
            nSigma.Add(RcaScore.RankOf(BaselineRanker.Rank(c.Frame, onsetRow, robust: false), c.RootCause));
            baro.Add(RcaScore.RankOf(BaselineRanker.Rank(c.Frame, onsetRow, robust: true), c.RootCause));

            var injection = DateTimeOffset.UnixEpoch.AddSeconds(c.InjectionUnixSeconds);
            var withTime = analyzer.Analyze(c.Frame, c.Graph, injection);
            given.Add(RcaScore.RankOf([.. withTime.Candidates.Select(x => x.Entity)], c.RootCause));

            var blind = analyzer.Analyze(c.Frame, c.Graph);
            detected.Add(RcaScore.RankOf([.. blind.Candidates.Select(x => x.Entity)], c.RootCause));
            var error = blind.Onset is { } found ? Math.Abs((found - injection).TotalSeconds) : double.NaN;
            onsetErrors.Add(error);
            if (verbose)
            {
                var top = string.Join(", ", withTime.Candidates.Take(4).Select(x => $"{x.Entity}:{x.Indicator}:{x.Score:0.###}"));
                var foundRow = blind.Onset is { } o ? c.Frame.RowAtOrAfter(o.ToUnixTimeMilliseconds() / 1000.0) : -1;
                Console.Error.WriteLine($"{dataset} {c.Name}: truth {c.RootCause} | nsigma #{nSigma[^1]} baro #{baro[^1]} given #{given[^1]} detected #{detected[^1]} (onset row {foundRow} vs {onsetRow}, error {error:0} s) | top with time given: {top}");
            }
        }

        var median = onsetErrors.Where(double.IsFinite).Order().ToList();
        var medianText = median.Count == 0 ? "n/a" : $"{median[median.Count / 2]:0} s";
        Row(dataset, "N-sigma (baseline)", "given", RcaScore.FromRanks(nSigma), "");
        Row(dataset, "BARO-style (baseline)", "given", RcaScore.FromRanks(baro), "");
        Row(dataset, "SeriesRootCauseAnalyzer", "given", RcaScore.FromRanks(given), "");
        Row(dataset, "SeriesRootCauseAnalyzer", "detected", RcaScore.FromRanks(detected), medianText);
    }

    private static void Row(string dataset, string method, string onset, RcaScore s, string onsetError) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {dataset} | {method} | {onset} | {s.Cases} | {s.Ac1:0.00} | {s.Ac3:0.00} | {s.Ac5:0.00} | {s.Avg5:0.00} | {onsetError} |"));
}
