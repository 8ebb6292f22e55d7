using AIOps.Detection;
using AIOps.Detection.Scoring;

namespace AIOps.Accuracy.Synthetic;

/// <summary>
/// `synth [--detector SPEC] [--seeds N] [--threshold T] [--members]`: the detector on seeded synthetic series shaped
/// like the NAB categories we do not have (low-rate and bursty counts, integer road-sensor series on an irregular,
/// gapped clock). Per kind: alarm rows (score &gt;= threshold, after NAB's probation) per 10,000 points of the
/// anomaly-free version, how many of those fall in the 50 points after the 3-day gap, and for each injected anomaly
/// in how many seeds a row inside its 300-point window crossed the threshold (and the median delay from the onset).
/// </summary>
internal static class SyntheticBenchmark
{
    private const int DetectWindow = 300;
    private const int AfterGap = 50;

    private static readonly (string Name, Func<int, Injection, SyntheticSeries> Make)[] Kinds =
    [
        ("poisson 0.5/step, 15k", (s, inj) => SyntheticSeries.PoissonDaily(0.5, 15_000, s, inj)),
        ("poisson 2/step, 15k", (s, inj) => SyntheticSeries.PoissonDaily(2, 15_000, s, inj)),
        ("poisson 10/step, 15k", (s, inj) => SyntheticSeries.PoissonDaily(10, 15_000, s, inj)),
        ("neg. binomial 3/step + 10x bursts, 15k", (s, inj) => SyntheticSeries.Bursty(3, 15_000, s, inj)),
        ("neg. binomial 20/step + 10x bursts, 15k", (s, inj) => SyntheticSeries.Bursty(20, 15_000, s, inj)),
        ("speed ~60 mph, irregular + 3-day gap, 2.5k", (s, inj) => SyntheticSeries.Speed(2_500, s, inj)),
        ("occupancy %, irregular + 3-day gap, 2.5k", (s, inj) => SyntheticSeries.Occupancy(2_500, s, inj)),
        ("speed ~60 mph, irregular + 3-day gap, 8k", (s, inj) => SyntheticSeries.Speed(8_000, s, inj)),
        ("occupancy %, irregular + 3-day gap, 8k", (s, inj) => SyntheticSeries.Occupancy(8_000, s, inj)),
    ];

    public static int Run(string[] args)
    {
        var detector = DetectorCatalog.DefaultName;
        var seeds = 5;
        var threshold = 0.555;
        var members = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--detector" when i + 1 < args.Length:
                    detector = args[++i];
                    break;
                case "--seeds" when i + 1 < args.Length:
                    seeds = int.Parse(args[++i]);
                    break;
                case "--threshold" when i + 1 < args.Length:
                    threshold = double.Parse(args[++i]);
                    break;
                case "--members":
                    members = true;
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: synth [--detector SPEC] [--seeds N] [--threshold T] [--members]");
                    return 2;
            }
        }

        if (!DetectorCatalog.TryCreate(detector, out var factory))
        {
            Console.Error.WriteLine($"unknown detector '{detector}'; known: {string.Join(", ", DetectorCatalog.Names)}");
            return 2;
        }

        Console.WriteLine($"synthetic: detector={detector}, seeds={seeds}, threshold={threshold}");
        Console.WriteLine();
        Console.WriteLine("| series | alarm rows / 10k (clean) | of them after the gap | shift detected | stuck detected | burst detected | daily shape missing detected |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, make) in Kinds)
        {
            var clean = CleanRate(factory, make, seeds, threshold);
            var shift = Detection(factory, make, Injection.Shift, seeds, threshold);
            var stuck = Detection(factory, make, Injection.Stuck, seeds, threshold);
            var burst = Detection(factory, make, Injection.Burst, seeds, threshold);
            var quiet = name.Contains("irregular", StringComparison.Ordinal) ? Detection(factory, make, Injection.Quiet, seeds, threshold) : "-";
            Console.WriteLine($"| {name} | {clean.PerTenThousand:F1} | {clean.AfterGap} | {shift} | {stuck} | {burst} | {quiet} |");
        }

        if (members)
        {
            PrintMembers(seeds, threshold);
        }

        return 0;
    }

    /// <summary>Alarm rows of one anomaly-free series after NAB's probation, and how many fall just after its gap.</summary>
    public static (int Rows, int Scored, int AfterGap) CountAlarms(ISeriesDetector detector, SyntheticSeries series, double threshold)
    {
        var probation = Probation(series.Values.Length);
        var gapEnd = series.Name is "speed" or "occupancy" ? SyntheticSeries.GapEnd(series.Values.Length) : -1;
        int rows = 0, afterGap = 0;
        for (var i = 0; i < series.Values.Length; i++)
        {
            var score = detector.Update(series.Timestamps[i], series.Values[i]).Score;
            if (i >= probation && score >= threshold)
            {
                rows++;
                afterGap += gapEnd >= 0 && i >= gapEnd && i < gapEnd + AfterGap ? 1 : 0;
            }
        }

        return (rows, series.Values.Length - probation, afterGap);
    }

    /// <summary>The first row at or after the onset (within <see cref="DetectWindow"/> points) scoring at least the threshold, minus the onset; -1 if none.</summary>
    public static int DetectionDelay(ISeriesDetector detector, SyntheticSeries series, double threshold)
    {
        for (var i = 0; i < series.Values.Length; i++)
        {
            var score = detector.Update(series.Timestamps[i], series.Values[i]).Score;
            if (i >= series.Onset && i < series.Onset + DetectWindow && score >= threshold)
            {
                return i - series.Onset;
            }
        }

        return -1;
    }

    // NAB's probation: the first min(floor(0.15 n), 750) rows are not scored.
    private static int Probation(int n) => Math.Min(n * 15 / 100, 750);

    private static (double PerTenThousand, int AfterGap) CleanRate(ISeriesDetectorFactory factory, Func<int, Injection, SyntheticSeries> make, int seeds, double threshold)
    {
        int rows = 0, scored = 0, afterGap = 0;
        for (var s = 1; s <= seeds; s++)
        {
            var (r, n, g) = CountAlarms(factory.Create("synthetic"), make(s, Injection.None), threshold);
            rows += r;
            scored += n;
            afterGap += g;
        }

        return (10_000.0 * rows / scored, afterGap);
    }

    private static string Detection(ISeriesDetectorFactory factory, Func<int, Injection, SyntheticSeries> make, Injection injection, int seeds, double threshold)
    {
        var delays = new List<int>();
        for (var s = 1; s <= seeds; s++)
        {
            var delay = DetectionDelay(factory.Create("synthetic"), make(s, injection), threshold);
            if (delay >= 0)
            {
                delays.Add(delay);
            }
        }

        delays.Sort();
        return delays.Count == 0 ? $"0/{seeds}" : $"{delays.Count}/{seeds} (delay {delays[delays.Count / 2]})";
    }

    // Each member of the default alone (with the default's calibration and refractory): which one raises the alarms.
    private static void PrintMembers(int seeds, double threshold)
    {
        string[] members = ["m-tnovelty", "m-snovelty", "m-level", "m-flat"];
        Console.WriteLine();
        Console.WriteLine($"| series (clean) | {string.Join(" | ", members)} |");
        Console.WriteLine($"|---|{string.Concat(members.Select(_ => "---:|"))}");
        foreach (var (name, make) in Kinds)
        {
            var cells = new string[members.Length];
            for (var m = 0; m < members.Length; m++)
            {
                DetectorCatalog.TryCreate(members[m], out var member);
                int rows = 0, scored = 0;
                for (var s = 1; s <= seeds; s++)
                {
                    var (r, n, _) = CountAlarms(member!.Create("synthetic"), make(s, Injection.None), threshold);
                    rows += r;
                    scored += n;
                }

                cells[m] = (10_000.0 * rows / scored).ToString("F1");
            }

            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
        }
    }
}
