using AIOps.Accuracy.Nab;

namespace AIOps.Accuracy;

internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case "nab":
                return NabBenchmark.Run(args[1..]);
            default:
                Console.Error.WriteLine("usage: AIOps.Accuracy nab [--data DIR] [--detector NAME]");
                return 2;
        }
    }
}
