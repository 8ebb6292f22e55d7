using AIOps.Detection.Robust;

namespace AIOps.Detection.Tests.Robust;

public class ShadowTailNoveltyScorerTests
{
    // The default's second-anomaly parameters (DetectorCatalog.ShadowSpec); trigger 0 is the plain value member.
    private static TailNoveltyScorer Create(double trigger = 0.3) =>
        trigger > 0
            ? new ShadowTailNoveltyScorer(Settings(trigger))
            : new TailNoveltyScorer(Settings(trigger));

    private static TailNoveltySettings Settings(double trigger) =>
        new(ShadowTrigger: trigger, ShadowHold: 300, ShadowMature: 100, ShadowKeep: 50, ShadowWeight: 0.25, ShadowDays: 2);

    private static IEnumerable<double> Noise(int count, int seed, double low = 40, double high = 60)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => low + ((high - low) * random.NextDouble()));
    }

    // 1,000 five-minute points (past 2 days) of noise in [40, 60], one large spike to 150, then noise again.
    private static List<double> AfterLargeSpike(int quietAfter, int seed = 1) =>
        [.. Noise(1_000, seed), 150, .. Noise(quietAfter, seed + 1)];

    [Fact]
    public void Update_SmallerSpikeAfterTheHold_ScoresAgainstTheRangeBeforeTheEpisode()
    {
        var values = AfterLargeSpike(quietAfter: 400).Append(100).ToArray();

        var shadow = RawScorerHarness.Run(Create(), values)[^1];
        var plain = RawScorerHarness.Run(Create(trigger: 0), values)[^1];

        Assert.Equal(0, plain); // 100 is inside the range the spike to 150 widened
        Assert.True(shadow > 0.01, $"second spike scored {shadow}");
    }

    [Fact]
    public void Update_SmallerSpikeDuringTheHold_IsNotScored()
    {
        // 100 points after the episode: still its aftermath, which the refractory and the first alarm cover.
        var values = AfterLargeSpike(quietAfter: 100).Append(100).ToArray();

        Assert.Equal(0, RawScorerHarness.Run(Create(), values)[^1]);
    }

    [Fact]
    public void Update_LevelShiftThatStays_BecomesTheShadowsNormal()
    {
        // The jump to ~150 triggers the hold; the series stays there, so the end of the hold learns the new level and
        // no later point is a "second anomaly" against the pre-shift range.
        double[] values = [.. Noise(1_000, seed: 3), .. Noise(500, seed: 4, low: 140, high: 160)];

        var scores = RawScorerHarness.Run(Create(), values);

        Assert.All(scores[1_320..], s => Assert.Equal(0, s));
    }

    [Fact]
    public void Update_YoungSeries_LargeRecordStartsNoHold()
    {
        // At point 200 the series has less than 2 days of five-minute data: its records are learning, not episodes,
        // so the shadow follows the value range and scores exactly as the plain member.
        double[] values = [.. Noise(200, seed: 5), 150, .. Noise(500, seed: 6), 100];

        var shadow = RawScorerHarness.Run(Create(), values);
        var plain = RawScorerHarness.Run(Create(trigger: 0), values);

        Assert.Equal(plain, shadow);
    }
}
