using AIOps.Accuracy.Correlation;
using AIOps.Accuracy.Loghub;

namespace AIOps.Accuracy;

/// <summary>Dispatches to one accuracy harness: `dotnet run --project benchmarks/AIOps.Accuracy -c Release -- loghub [--data DIR]`.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            return Usage();
        }

        switch (args[0])
        {
            case "loghub":
                return LoghubBenchmark.Run(args[1..]);
            case "correlation":
                return CorrelationHarness.Run(args[1..]);
            default:
                return Usage();
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: AIOps.Accuracy <harness> [options]; harnesses: loghub, correlation");
        return 2;
    }
}
