using BenchmarkDotNet.Running;

namespace AIOps.Benchmarks;

internal static class Program
{
    // e.g. dotnet run -c Release --project benchmarks/AIOps.Benchmarks -- --job short --filter '*Influx*'
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
