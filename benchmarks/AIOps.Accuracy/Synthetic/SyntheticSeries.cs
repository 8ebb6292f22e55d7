namespace AIOps.Accuracy.Synthetic;

/// <summary>What is injected into a synthetic series (None: the anomaly-free version).</summary>
internal enum Injection
{
    None = 0,

    /// <summary>A sustained level change (counts: the rate x4; speeds: 15 below the usual level) for <see cref="SyntheticSeries.ShiftLength"/> points.</summary>
    Shift = 1,

    /// <summary>The value at the onset repeated for <see cref="SyntheticSeries.StuckLength"/> points (a frozen sensor or exporter).</summary>
    Stuck = 2,

    /// <summary>A short burst far past the usual bursts (counts: the rate x20, x50 for the bursty kind; speeds: a drop to 15) for 3 points.</summary>
    Burst = 3,

    /// <summary>
    /// Road series only: the daily shape missing for <see cref="SyntheticSeries.ShiftLength"/> points (no rush hours, a
    /// closed road or a holiday): every value stays inside the usual range, so only a seasonal model can see it.
    /// </summary>
    Quiet = 4,
}

/// <summary>A generated series: timestamps, values, and where the injection starts (-1: none).</summary>
internal sealed record SyntheticSeries(string Name, DateTimeOffset[] Timestamps, double[] Values, int Onset)
{
    public const int ShiftLength = 300;
    public const int StuckLength = 150;
    public const int BurstLength = 3;

    public static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Poisson counts per 5-minute step (regular timestamps) with a daily cycle: rate(t) = mean x (1 + 0.6 sin(day
    /// phase)). Low means give many zeros and long runs of them, the case a run-length or range detector can misread.
    /// </summary>
    public static SyntheticSeries PoissonDaily(double mean, int n, int seed, Injection injection = Injection.None, double onsetFraction = 0.7)
    {
        var random = new Random(seed);
        var times = Regular(n);
        var values = new double[n];
        var onset = injection == Injection.None ? -1 : (int)(n * onsetFraction);
        for (var i = 0; i < n; i++)
        {
            var rate = mean * (1 + (0.6 * Math.Sin(2 * Math.PI * DayFraction(times[i]))));
            rate *= CountFactor(injection, i - onset, 20);
            values[i] = Poisson(random, rate);
        }

        Freeze(values, injection, onset);
        return new SyntheticSeries($"poisson-{mean}", times, values, onset);
    }

    /// <summary>
    /// Over-dispersed counts (negative binomial: a Gamma(shape 2) rate around the daily-cycled mean, then Poisson), with
    /// an occasional 10x burst of 1-5 points (1 in 500 steps): what mention counts look like; 5-minute steps.
    /// </summary>
    public static SyntheticSeries Bursty(double mean, int n, int seed, Injection injection = Injection.None, double onsetFraction = 0.7)
    {
        var random = new Random(seed);
        var times = Regular(n);
        var values = new double[n];
        var onset = injection == Injection.None ? -1 : (int)(n * onsetFraction);
        var burstLeft = 0;
        for (var i = 0; i < n; i++)
        {
            if (burstLeft == 0 && random.NextDouble() < 0.002)
            {
                burstLeft = 1 + random.Next(5);
            }

            var rate = mean * (1 + (0.6 * Math.Sin(2 * Math.PI * DayFraction(times[i])))) * Gamma(random, 2) / 2;
            if (burstLeft > 0)
            {
                rate *= 10;
                burstLeft--;
            }

            rate *= CountFactor(injection, i - onset, 50);
            values[i] = Poisson(random, rate);
        }

        Freeze(values, injection, onset);
        return new SyntheticSeries($"bursty-{mean}", times, values, onset);
    }

    /// <summary>
    /// A road-speed-like series: integer mph around 60 (noise sd 3) with slower rush hours (-8 at 8:00 and 17:30),
    /// short dips (1 in 300 steps: 8-20 lower for 2-5 points), sampled every 5 minutes with the irregularities of
    /// field sensors: each timestamp jittered by up to 3 minutes either way (whole minutes, so steps of 1-11 minutes),
    /// 8% of steps skipped (15% of those skip two) and one 3-day gap at 60% of the series.
    /// </summary>
    public static SyntheticSeries Speed(int n, int seed, Injection injection = Injection.None, double onsetFraction = 0.8)
    {
        var random = new Random(seed);
        var times = Irregular(n, random);
        var values = new double[n];
        var onset = injection == Injection.None ? -1 : (int)(n * onsetFraction);
        var dipLeft = 0;
        var dipDepth = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (dipLeft == 0 && random.NextDouble() < 1.0 / 300)
            {
                dipLeft = 2 + random.Next(4);
                dipDepth = 8 + (12 * random.NextDouble());
            }

            var since = i - onset;
            var quiet = onset >= 0 && injection == Injection.Quiet && since >= 0 && since < ShiftLength;
            var value = 60 - (quiet ? 0 : 8 * RushHour(times[i])) + (3 * Gaussian(random));
            if (dipLeft > 0)
            {
                value -= dipDepth;
                dipLeft--;
            }

            if (onset >= 0 && injection == Injection.Shift && since >= 0 && since < ShiftLength)
            {
                value -= 15;
            }
            else if (onset >= 0 && injection == Injection.Burst && since >= 0 && since < BurstLength)
            {
                value = 15 + (3 * Gaussian(random));
            }

            values[i] = Math.Max(0, Math.Round(value));
        }

        Freeze(values, injection, onset);
        return new SyntheticSeries("speed", times, values, onset);
    }

    /// <summary>
    /// A lane-occupancy-like series: integer percent, about 4 at night, 14 in the day (6:00-20:00) and 29 at the rush
    /// hours (noise sd 10% of the level + 1), with the same irregular timestamps as <see cref="Speed"/>. A strong daily shape on a jittered,
    /// gapped clock: the case for a season whose phase is counted in points.
    /// </summary>
    public static SyntheticSeries Occupancy(int n, int seed, Injection injection = Injection.None, double onsetFraction = 0.8)
    {
        var random = new Random(seed);
        var times = Irregular(n, random);
        var values = new double[n];
        var onset = injection == Injection.None ? -1 : (int)(n * onsetFraction);
        for (var i = 0; i < n; i++)
        {
            var since = i - onset;
            var quiet = onset >= 0 && injection == Injection.Quiet && since >= 0 && since < ShiftLength;
            var level = 4 + (quiet ? 0 : (10 * Daytime(times[i])) + (15 * RushHour(times[i])));
            if (onset >= 0 && injection == Injection.Shift && since >= 0 && since < ShiftLength)
            {
                level += 20;
            }
            else if (onset >= 0 && injection == Injection.Burst && since >= 0 && since < BurstLength)
            {
                level = 90;
            }

            var value = level + (((0.1 * level) + 1) * Gaussian(random));
            values[i] = Math.Clamp(Math.Round(value), 0, 100);
        }

        Freeze(values, injection, onset);
        return new SyntheticSeries("occupancy", times, values, onset);
    }

    /// <summary>The point where the 3-day gap of an irregular series ends (its first point after the gap).</summary>
    public static int GapEnd(int n) => (int)(n * 0.6);

    private static DateTimeOffset[] Regular(int n)
    {
        var times = new DateTimeOffset[n];
        for (var i = 0; i < n; i++)
        {
            times[i] = Start.AddMinutes(5.0 * i);
        }

        return times;
    }

    private static DateTimeOffset[] Irregular(int n, Random random)
    {
        var times = new DateTimeOffset[n];
        var gapAt = GapEnd(n);
        var slot = 0L;
        var last = DateTimeOffset.MinValue;
        for (var i = 0; i < n; i++)
        {
            if (i > 0 && random.NextDouble() < 0.08)
            {
                slot += random.NextDouble() < 0.15 ? 2 : 1;
            }

            if (i == gapAt)
            {
                slot += 3 * 288;
            }

            var t = Start.AddMinutes((5.0 * slot) + random.Next(-3, 4));
            times[i] = t > last ? t : last.AddMinutes(1);
            last = times[i];
            slot++;
        }

        return times;
    }

    private static double DayFraction(DateTimeOffset t) => t.TimeOfDay.TotalDays;

    // 0 at night, 1 from about 6:00 to 20:00 (logistic edges of about half an hour).
    private static double Daytime(DateTimeOffset t)
    {
        var h = t.TimeOfDay.TotalHours;
        return 1 / ((1 + Math.Exp(-(h - 6) * 3)) * (1 + Math.Exp((h - 20) * 3)));
    }

    // Two Gaussian bumps (sd one hour) at 8:00 and 17:30, 1 at their peaks.
    private static double RushHour(DateTimeOffset t)
    {
        var h = t.TimeOfDay.TotalHours;
        return Math.Exp(-0.5 * (h - 8) * (h - 8)) + Math.Exp(-0.5 * (h - 17.5) * (h - 17.5));
    }

    private static double CountFactor(Injection injection, int since, double burst) => since < 0 ? 1 : injection switch
    {
        Injection.Shift when since < ShiftLength => 4,
        Injection.Burst when since < BurstLength => burst,
        _ => 1,
    };

    // The stuck value is the one at the onset, held for StuckLength points.
    private static void Freeze(double[] values, Injection injection, int onset)
    {
        if (injection == Injection.Stuck && onset >= 0)
        {
            Array.Fill(values, values[onset], onset, Math.Min(StuckLength, values.Length - onset));
        }
    }

    private static double Gaussian(Random random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    // Knuth's product method, split into pieces of mean <= 30 so exp(-mean) stays far from underflow.
    private static double Poisson(Random random, double mean)
    {
        var total = 0;
        while (mean > 0)
        {
            var piece = Math.Min(mean, 30);
            mean -= piece;
            var limit = Math.Exp(-piece);
            var product = random.NextDouble();
            while (product > limit)
            {
                total++;
                product *= random.NextDouble();
            }
        }

        return total;
    }

    // Marsaglia-Tsang for shape >= 1 (unit scale).
    private static double Gamma(Random random, double shape)
    {
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            var x = Gaussian(random);
            var v = 1 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }
}
