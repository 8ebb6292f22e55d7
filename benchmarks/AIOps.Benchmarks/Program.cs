using AIOps.Benchmarks.EndToEnd;
using BenchmarkDotNet.Running;

namespace AIOps.Benchmarks;

internal static class Program
{
    // e.g. dotnet run -c Release --project benchmarks/AIOps.Benchmarks -- --job short --filter '*Influx*'
    //      dotnet run -c Release --project benchmarks/AIOps.Benchmarks -- ingest-e2e --messages 1000000
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ingest-e2e")
        {
            return IngestThroughputHarness.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
