using System.Globalization;
using AIOps.Detection;
using AIOps.Detection.Scoring;

namespace AIOps.Accuracy.State;

/// <summary>
/// `state [--detector SPEC]`: bytes of per-series state of a catalog spec, measured as the footprint test does
/// (tests/AIOps.Detection.Tests/DefaultDetectorFootprintTests: 2,000 series warmed with 1,000 points repeating every
/// 7 points, bytes this thread allocated / series) at 1-, 5- and 30-minute steps, so a variant can be checked against
/// the 2 KB budget without a test run.
/// </summary>
internal static class StateFootprint
{
    public static int Run(string[] args)
    {
        var spec = DetectorCatalog.DefaultName;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--detector")
            {
                spec = args[i + 1];
            }
        }

        if (!DetectorCatalog.TryCreate(spec, out var factory))
        {
            Console.Error.WriteLine($"unknown detector '{spec}'");
            return 2;
        }

        foreach (var stepMinutes in new[] { 1, 5, 30 })
        {
            const int count = 2000;
            var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var detectors = new ISeriesDetector[count];
            for (var s = 0; s < count; s++)
            {
                detectors[s] = factory.Create("m");
                for (var i = 0; i < 1000; i++)
                {
                    detectors[s].Update(start.AddMinutes(i * stepMinutes), 100 + (i % 7) + s);
                }
            }

            var perSeries = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)count;
            GC.KeepAlive(detectors);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spec}: step {stepMinutes} min: {perSeries:F1} B per series"));
        }

        return 0;
    }
}
