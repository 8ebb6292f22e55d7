using AIOps.Detection.Robust;

namespace AIOps.Detection.Tests.Robust;

public class TailNoveltyScorerTests
{
    private static TailNoveltyScorer Create(TailMode mode = TailMode.Damp, int minExcesses = 10) =>
        new(new TailNoveltySettings(Decay: 0, Quantile: 0.95, StepRate: 0.01, ExcessRate: 0.01, minExcesses, NatsPerRange: 6, mode));

    // A quiet baseline (0..1) with occasional spikes of heavy-tailed (GPD, shape 0.3) size: wide, heavy excesses.
    private static double[] Spiky(int count, int seed)
    {
        var random = new Random(seed);
        var spikes = Stats.GpdFitTests.Sample(0.3, 5, count, seed + 1);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = random.NextDouble() < 0.1 ? spikes[i] : random.NextDouble();
        }

        return values;
    }

    // Uniform noise on 0..100: the upper tail is bounded right under the maximum.
    private static double[] Smooth(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = random.NextDouble() * 100;
        }

        return values;
    }

    // A new record 2% of the historic range past the historic maximum.
    private static double SmallRecord(double[] history) => history.Max() + (0.02 * (history.Max() - history.Min()));

    private static (double Tail, double Range) ScoreRecord(double[] history, TailMode mode = TailMode.Damp)
    {
        var values = history.Append(SmallRecord(history)).ToArray();
        var tail = RawScorerHarness.Run(Create(mode), values)[^1];
        var range = RawScorerHarness.Run(new RangeNoveltyScorer(decay: 0), values)[^1];
        return (tail, range);
    }

    [Fact]
    public void Update_SmallRecordOnSpikySeries_DampedBelowRangeRatio()
    {
        var (tail, range) = ScoreRecord(Spiky(5_000, seed: 2));

        Assert.InRange(range, 0.019, 0.021);
        Assert.True(tail < 0.8 * range, $"tail {tail} vs range {range}");
    }

    [Fact]
    public void Update_SmallRecordOnSmoothSeries_KeepsRangeRatio()
    {
        var (tail, range) = ScoreRecord(Smooth(5_000, seed: 2));

        Assert.Equal(range, tail, 9);
    }

    [Fact]
    public void Update_SameRecord_SpikySeriesScoresLowerThanSmoothSeries()
    {
        var spiky = ScoreRecord(Spiky(5_000, seed: 4)).Tail;
        var smooth = ScoreRecord(Smooth(5_000, seed: 4)).Tail;

        Assert.True(spiky < smooth, $"spiky {spiky} vs smooth {smooth}");
    }

    [Fact]
    public void Update_TooFewExcessesForAFit_ScoresAsRangeRatio()
    {
        // A fit needing 1,000 excesses is never ready on 30 points: the score is exactly the range-ratio.
        var values = Enumerable.Range(0, 30).Select(i => (double)(i % 10)).Append(9.2).ToArray();
        var sut = new TailNoveltyScorer(new TailNoveltySettings(Decay: 0, Quantile: 0.95, StepRate: 0.01, ExcessRate: 0.01, MinExcesses: 1_000, NatsPerRange: 6, TailMode.Damp));

        var tail = RawScorerHarness.Run(sut, values)[^1];
        var range = RawScorerHarness.Run(new RangeNoveltyScorer(decay: 0), values)[^1];

        Assert.True(range > 0);
        Assert.Equal(range, tail, 12);
    }

    [Fact]
    public void Update_ValueInsideRange_ScoresZero()
    {
        var values = Spiky(2_000, seed: 9).Append(0.5).ToArray();

        var scores = RawScorerHarness.Run(Create(), values);

        Assert.Equal(0, scores[^1]);
    }

    [Fact]
    public void Update_RecordLow_UsesLowerTail()
    {
        // Mirror image of the spiky series: downward spikes. A small new low is damped like a small new high.
        var mirrored = Spiky(5_000, seed: 6).Select(v => -v).ToArray();
        var values = mirrored.Append(-SmallRecord(Spiky(5_000, seed: 6))).ToArray();

        var tail = RawScorerHarness.Run(Create(), values)[^1];
        var range = RawScorerHarness.Run(new RangeNoveltyScorer(decay: 0), values)[^1];

        Assert.True(range > 0.019);
        Assert.True(tail < 0.8 * range, $"tail {tail} vs range {range}");
    }

    [Fact]
    public void Update_BoostMode_NeverBelowRangeRatio()
    {
        var (tail, range) = ScoreRecord(Spiky(5_000, seed: 2), TailMode.Boost);

        Assert.True(tail >= range);
    }

    [Fact]
    public void Update_TailNeverBinding_EqualsRangeNovelty()
    {
        // With a negligible exchange rate every tail surprise is huge, so damping never binds: the member must then be
        // exactly the value range novelty it extends (same range, decay and level).
        var values = Spiky(3_000, seed: 12);
        var sut = new TailNoveltyScorer(new TailNoveltySettings(Decay: 3e-5, Quantile: 0.99, StepRate: 0.01, ExcessRate: 0.005, MinExcesses: 10, NatsPerRange: 1e-12, TailMode.Damp));

        var tail = RawScorerHarness.Run(sut, values);
        var range = RawScorerHarness.Run(new RangeNoveltyScorer(decay: 3e-5), values);

        Assert.Contains(range, r => r > 0);
        Assert.Equal(range, tail);
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        var values = Spiky(2_000, seed: 13);
        var sut = Create();
        var context = new Scoring.PointContext(1.0, TimeSpan.FromMinutes(5));
        for (var i = 0; i < 1_000; i++)
        {
            sut.Update(values[i], context);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1_000; i < values.Length; i++)
        {
            sut.Update(values[i], context);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Update_ReplaceModeValuePastBoundedTail_FallsBackToRangeRatio()
    {
        // Uniform noise has a bounded upper tail; a value far past its end is outside what the fit describes, so even
        // the tail-only mode keeps the range-ratio instead of an infinite score.
        var values = Smooth(5_000, seed: 8).Append(150.0).ToArray();

        var tail = RawScorerHarness.Run(Create(TailMode.Replace), values)[^1];
        var range = RawScorerHarness.Run(new RangeNoveltyScorer(decay: 0), values)[^1];

        Assert.InRange(range, 0.45, 0.55);
        Assert.Equal(range, tail, 12);
    }

    // Integer values cycling 5..15 after a 0: the range's minimum contracts from 0 toward the level by less than a unit.
    private static double[] IntegerHistory() =>
        [0, .. Enumerable.Range(0, 300).Select(i => (double)(5 + (i % 11)))];

    private static TailNoveltyScorer Contracting() =>
        new(new TailNoveltySettings(Decay: 1e-4, Quantile: 0.99, StepRate: 0.01, ExcessRate: 0.005, MinExcesses: 10, NatsPerRange: 6, TailMode.Damp));

    [Fact]
    public void Update_IntegerSeriesReturnsToContractedExtreme_ScoresZero()
    {
        // The minimum was 0 and has contracted to a fraction above it: 0 again is no new low on an integer series.
        var values = IntegerHistory().Append(0).ToArray();

        var scores = RawScorerHarness.Run(Contracting(), values);

        Assert.Equal(0, scores[^1]);
    }

    [Fact]
    public void Update_IntegerSeriesPastContractedExtreme_Scores()
    {
        var values = IntegerHistory().Append(-1).ToArray();

        var scores = RawScorerHarness.Run(Contracting(), values);

        Assert.True(scores[^1] > 0.05, $"new low -1 scored {scores[^1]}");
    }

    [Fact]
    public void Update_FractionalSeriesReturnsToContractedExtreme_StillScores()
    {
        // One non-integer value: the series is not on the integer grid, so the contracted range stands as it is (0.1
        // lies between the all-time minimum 0 and the minimum contracted from it).
        var values = IntegerHistory().Append(7.5).Append(0.1).ToArray();

        var scores = RawScorerHarness.Run(Contracting(), values);

        Assert.True(scores[^1] > 0.005, $"return to the contracted minimum scored {scores[^1]}");
    }

    // A utilisation-like series: noise between 30 and 70 with one visit to its cap of 100 early on.
    private static double[] CappedHistory(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 3_000).Select(_ => 30 + (40 * random.NextDouble())).ToArray();
        values[100] = 100;
        return values;
    }

    [Theory]
    [InlineData(true, 0.0)]
    [InlineData(false, 0.005)]
    public void Update_ReturnToAllTimeExtreme_IsNoRecordOnlyWhenExtremesAreKnown(bool known, double atLeast)
    {
        // 2,900 points later the maximum has contracted well below 100, so 100 again is a range record; it is the
        // value the series already reached, which the default (known extremes) does not count.
        var values = CappedHistory(seed: 5).Append(100).ToArray();
        var sut = new TailNoveltyScorer(new TailNoveltySettings(Decay: 1e-4, Quantile: 0.99, StepRate: 0.01, ExcessRate: 0.005, MinExcesses: 10, NatsPerRange: 6, TailMode.Damp, ReachedExtremesKnown: known));

        var last = RawScorerHarness.Run(sut, values)[^1];

        if (known)
        {
            Assert.Equal(0, last);
        }
        else
        {
            Assert.True(last > atLeast, $"return to the cap scored {last}");
        }
    }

    [Theory]
    [InlineData(100.5)]
    [InlineData(29.0)]
    public void Update_PastAllTimeExtreme_StillScores(double value)
    {
        var values = CappedHistory(seed: 6).Append(value).ToArray();
        // The low side's all-time minimum is about 30, so 29 is past it; 100.5 is past the cap.
        var scores = RawScorerHarness.Run(Contracting(), values);

        Assert.True(scores[^1] > 0.005, $"{value} scored {scores[^1]}");
    }
}
