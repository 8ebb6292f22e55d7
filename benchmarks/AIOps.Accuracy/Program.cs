using AIOps.Accuracy.Correlation;
using AIOps.Accuracy.Loghub;
using AIOps.Accuracy.Nab;
using AIOps.Accuracy.Rca;
using AIOps.Accuracy.State;
using AIOps.Accuracy.Synthetic;

namespace AIOps.Accuracy;

/// <summary>Dispatches to one accuracy harness: `dotnet run --project benchmarks/AIOps.Accuracy -c Release -- &lt;harness&gt; [--data DIR]`.</summary>
internal static class Program
{
    private static readonly Dictionary<string, Func<string[], int>> Harnesses = new(StringComparer.Ordinal)
    {
        ["loghub"] = LoghubBenchmark.Run,
        ["nab"] = NabBenchmark.Run,
        ["rca"] = RcaBenchmark.Run,
        ["correlation"] = CorrelationHarness.Run,
        ["synth"] = SyntheticBenchmark.Run,
        ["state"] = StateFootprint.Run,
    };

    public static int Main(string[] args) =>
        args.Length > 0 && Harnesses.TryGetValue(args[0], out var run) ? run(args[1..]) : Usage();

    private static int Usage()
    {
        Console.Error.WriteLine($"usage: AIOps.Accuracy <harness> [options]; harnesses: {string.Join(", ", Harnesses.Keys)}");
        return 2;
    }
}
