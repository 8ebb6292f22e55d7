using AIOps.Benchmarks.Correlation;
using AIOps.Benchmarks.EndToEnd;
using BenchmarkDotNet.Running;

namespace AIOps.Benchmarks;

/// <summary>
/// Harnesses by name, anything else goes to BenchmarkSwitcher:
///   dotnet run -c Release --project benchmarks/AIOps.Benchmarks -- --job short --filter '*Influx*'
///   ... -- ingest-e2e --messages 1000000      (engine vs raw kcat consume of the same topic)
///   ... -- latency [--rate N] [--seconds N] [--no-rca]   (signal-to-incident latency)
///   ... -- state [--series N]                 (detector state file: bytes per series, save and load time)
///   ... -- quick                              (rough correlator timing, no BenchmarkDotNet rigour)
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case "ingest-e2e":
                return IngestThroughputHarness.Run(args[1..]);
            case "latency":
                return LatencyHarness.RunAsync(args[1..]).GetAwaiter().GetResult();
            case "state":
                return Detection.DetectorStateHarness.Run(args[1..]);
            case "quick":
                return QuickCorrelatorTiming();
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }

    // Milliseconds per 10k signals, best of 5.
    private static int QuickCorrelatorTiming()
    {
        var bench = new CorrelatorBenchmarks();
        bench.Setup();
        foreach (var (name, run) in new (string, Func<int>)[] { ("DedupRepeats", bench.DedupRepeats), ("Storm", bench.Storm), ("StormWithRules", bench.StormWithRules) })
        {
            var versions = 0;
            var best = Enumerable.Range(0, 5).Min(_ => { var sw = System.Diagnostics.Stopwatch.StartNew(); versions = run(); return sw.Elapsed.TotalMilliseconds; });
            Console.WriteLine($"{name}: {best:0.0} ms per {CorrelatorBenchmarks.Count} signals = {CorrelatorBenchmarks.Count / best * 1000:N0} signals/s ({versions} incident versions)");
        }

        return 0;
    }
}
