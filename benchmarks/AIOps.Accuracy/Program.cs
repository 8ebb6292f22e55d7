using AIOps.Accuracy.Rca;

namespace AIOps.Accuracy;

internal static class Program
{
    public static int Main(string[] args) => args.Length == 0 ? Usage() : args[0] switch
    {
        "rca" => RcaBenchmark.Run(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: AIOps.Accuracy rca [--data DIR] [--verbose]");
        return 2;
    }
}
