using System.Diagnostics;
using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Detection;
using AIOps.Detection.Stage;
using AIOps.Detection.State;

namespace AIOps.Benchmarks.Detection;

/// <summary>
/// Cost of the detector state file: N series of the live detector warmed with 300 five-minute points each (the
/// daily season allocated), then saved and restored into a fresh stage. Prints file bytes per series and the
/// save and load times.
/// </summary>
internal static class DetectorStateHarness
{
    public static int Run(string[] args)
    {
        var series = args.Length > 1 && args[0] == "--series" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var path = Path.Combine(Path.GetTempPath(), $"aiops-state-bench-{Environment.ProcessId}.state");
        var stage = new DetectionStage(new LiveDetectorFactory(), new DependencyGraph(), new DetectionOptions { MaxSeries = series });
        var labels = new LabelSet[series];
        for (var s = 0; s < series; s++)
        {
            labels[s] = LabelSet.From(("service.name", "svc-" + (s % 500)), ("instance", "i-" + s));
        }

        var t0 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var signals = new List<Signal>();
        var warm = Stopwatch.StartNew();
        for (var t = 0; t < 300; t++)
        {
            for (var s = 0; s < series; s++)
            {
                stage.Observe(MetricPoint.Create("latency_ms", labels[s], t0.AddMinutes(5 * t), 50 + 10 * Math.Sin((t + s) / 45.8) + ((t * 31 + s) % 7)), signals);
            }

            signals.Clear();
        }

        Console.WriteLine($"warmed {series:N0} series x 300 points in {warm.Elapsed.TotalSeconds:0.0} s");
        try
        {
            var save = Stopwatch.StartNew();
            var saved = DetectionStateFile.Save(stage, path);
            save.Stop();
            var bytes = new FileInfo(path).Length;
            var restoredStage = new DetectionStage(new LiveDetectorFactory(), new DependencyGraph(), new DetectionOptions { MaxSeries = series });
            var load = Stopwatch.StartNew();
            var result = DetectionStateFile.Load(restoredStage, path);
            load.Stop();
            Console.WriteLine($"saved {saved:N0} series: {bytes:N0} bytes ({bytes / (double)saved:N0} per series) in {save.Elapsed.TotalSeconds:0.00} s ({saved / save.Elapsed.TotalSeconds:N0} series/s)");
            Console.WriteLine($"loaded: {result.Restored:N0} restored, {result.Skipped:N0} skipped in {load.Elapsed.TotalSeconds:0.00} s ({result.Restored / load.Elapsed.TotalSeconds:N0} series/s){(result.Problem is null ? string.Empty : " problem: " + result.Problem)}");
            return result.Restored == saved ? 0 : 1;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
