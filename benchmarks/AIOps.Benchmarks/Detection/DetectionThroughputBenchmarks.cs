using AIOps.Detection;
using AIOps.Detection.Scoring;
using BenchmarkDotNet.Attributes;

namespace AIOps.Benchmarks.Detection;

/// <summary>
/// Streaming detection throughput: 100k series fed round-robin (each operation = one point for every series),
/// so per-series state is cold in cache as in the engine. Reports state bytes per series from the setup.
/// </summary>
[MemoryDiagnoser]
public class DetectionThroughputBenchmarks
{
    public const int SeriesCount = 100_000;
    private const int WarmupPoints = 300; // past cold start and seasonal-period selection
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private ISeriesDetector[] _novelty = [];
    private ISeriesDetector[] _default = [];
    private double[] _values = [];
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(674386);
        _values = new double[SeriesCount];
        for (var s = 0; s < SeriesCount; s++)
        {
            _values[s] = 100 + (random.NextDouble() * 50);
        }

        DetectorCatalog.TryCreate("novelty?rawHalf=0.1", out var novelty);
        _novelty = Warm(novelty!);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _default = Warm(new DefaultDetectorFactory());
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"// default ensemble state: {bytes / (double)SeriesCount:F0} bytes per series ({SeriesCount} series)");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SeriesCount)]
    public double NoveltyOnly() => Round(_novelty);

    [Benchmark(OperationsPerInvoke = SeriesCount)]
    public double DefaultEnsemble() => Round(_default);

    private ISeriesDetector[] Warm(ISeriesDetectorFactory factory)
    {
        var detectors = new ISeriesDetector[SeriesCount];
        for (var s = 0; s < SeriesCount; s++)
        {
            detectors[s] = factory.Create("series");
        }

        for (var i = 0; i < WarmupPoints; i++)
        {
            var at = Start.AddMinutes(5 * i);
            for (var s = 0; s < SeriesCount; s++)
            {
                detectors[s].Update(at, _values[s] + (i % 7));
            }
        }

        return detectors;
    }

    private double Round(ISeriesDetector[] detectors)
    {
        var round = _round++;
        var at = Start.AddMinutes(5 * (WarmupPoints + round));
        var wiggle = round % 7;
        double sum = 0;
        for (var s = 0; s < detectors.Length; s++)
        {
            sum += detectors[s].Update(at, _values[s] + wiggle).Score;
        }

        return sum;
    }
}
