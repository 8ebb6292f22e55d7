using AIOps.Benchmarks.Correlation;
using BenchmarkDotNet.Running;

namespace AIOps.Benchmarks;

/// <summary>
/// `-- latency [--rate N] [--seconds N] [--no-rca]` runs the correlation latency harness, `-- quick` a rough correlator
/// timing; anything else goes to BenchmarkSwitcher,
/// e.g. dotnet run -c Release --project benchmarks/AIOps.Benchmarks -- --job short --filter '*Influx*'
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "latency")
        {
            return LatencyHarness.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "quick")
        {
            // A quick look without BenchmarkDotNet's rigour (ms per 10k signals, best of 5).
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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
