using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.RootCause.Series;

namespace AIOps.RootCause.Tests.Series;

public sealed class SeriesRootCauseAnalyzerTests
{
    private const int Length = 400;

    /// <summary>
    /// web calls api calls storage. storage's latency breaks first (row 250); api follows at 256, web at 262. With
    /// <paramref name="louderUpstream"/> the symptom grows toward the top of the chain, as real propagation looks;
    /// otherwise every shift is equally large in robust units, so only the onset order can tell the cause.
    /// Names are chosen so that alphabetical order would not pick the cause by luck.
    /// </summary>
    private static SeriesFrame Chain(int seed, bool louderUpstream = true)
    {
        var random = new Random(seed);
        return new SeriesFrame(SyntheticSeries.Times(Length),
        [
            SeriesColumn.FromName("web_latency", SyntheticSeries.Step(random, Length, 262, 100, louderUpstream ? 190 : 180, 4)),
            SeriesColumn.FromName("web_cpu", SyntheticSeries.Step(random, Length, 0, 40, 40, 2)),
            SeriesColumn.FromName("api_latency", SyntheticSeries.Step(random, Length, 256, 60, 120, 3)),
            SeriesColumn.FromName("api_cpu", SyntheticSeries.Step(random, Length, 0, 20, 20, 1)),
            SeriesColumn.FromName("storage_latency", SyntheticSeries.Step(random, Length, 250, 10, louderUpstream ? 25 : 30, 1)),
            SeriesColumn.FromName("storage_cpu", SyntheticSeries.Step(random, Length, 0, 15, 15, 1)),
        ]);
    }

    private static DependencyGraph ChainGraph()
    {
        var graph = new DependencyGraph();
        graph.AddStatic("web", "api");
        graph.AddStatic("api", "storage");
        return graph;
    }

    [Fact]
    public void Analyze_ChainWithGraphAndDetectedOnset_RanksDownstreamFirst()
    {
        var sut = new SeriesRootCauseAnalyzer();

        var result = sut.Analyze(Chain(674386), ChainGraph());

        Assert.Equal("storage", result.Candidates[0].Entity);
        Assert.Equal("latency", result.Candidates[0].Indicator);
        Assert.NotNull(result.Onset);
        Assert.InRange(result.Onset!.Value.ToUnixTimeSeconds(), 1_700_000_000 + 247, 1_700_000_000 + 253);
    }

    [Fact]
    public void Analyze_ChainWithoutGraphEqualShifts_EarlinessPicksDownstream()
    {
        var sut = new SeriesRootCauseAnalyzer();

        var result = sut.Analyze(Chain(5, louderUpstream: false));

        Assert.Equal("storage", result.Candidates[0].Entity);
    }

    [Fact]
    public void Analyze_GivenOnset_UsesItAndReportsEvidence()
    {
        var onset = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + 250);
        var sut = new SeriesRootCauseAnalyzer();

        var result = sut.Analyze(Chain(9), ChainGraph(), onset);

        Assert.Equal(onset, result.Onset);
        var top = result.Candidates[0];
        Assert.Equal("storage", top.Entity);
        var shift = Assert.Single(top.Evidence, e => e.Kind == EvidenceKind.Shift);
        Assert.InRange(shift.Before!.Value, 9, 11);
        Assert.InRange(shift.After!.Value, 24, 26);
        Assert.Contains(top.Evidence, e => e.Kind == EvidenceKind.Onset);
        Assert.Contains(top.Evidence, e => e.Kind == EvidenceKind.Topology && e.Path!.SequenceEqual(["web", "api", "storage"]));
        Assert.StartsWith("storage is the most likely cause", top.Explanation);
    }

    [Fact]
    public void Analyze_OneCandidatePerEntity_SortedByScore()
    {
        var result = new SeriesRootCauseAnalyzer().Analyze(Chain(21), ChainGraph());

        Assert.Equal(["api", "storage", "web"], result.Candidates.Select(c => c.Entity).Order());
        for (var i = 1; i < result.Candidates.Count; i++)
        {
            Assert.True(result.Candidates[i - 1].Score >= result.Candidates[i].Score);
        }
    }

    [Fact]
    public void Analyze_QuietEntities_RankBelowShiftedOnes()
    {
        var random = new Random(3);
        var frame = new SeriesFrame(SyntheticSeries.Times(Length),
        [
            SeriesColumn.FromName("quiet_cpu", SyntheticSeries.Step(random, Length, 0, 50, 50, 5)),
            SeriesColumn.FromName("broken_mem", SyntheticSeries.Step(random, Length, 200, 300, 600, 5)),
        ]);

        var result = new SeriesRootCauseAnalyzer().Analyze(frame);

        Assert.Equal("broken", result.Candidates[0].Entity);
        Assert.Equal(Confidence.High, result.Candidates[0].Confidence);
    }

    [Fact]
    public void Analyze_GaugePinnedAtBoundDrops_OutranksNoisyFivePercentShift()
    {
        // Regression: with the level floor taken from |median| alone, 5% of 100 hid an availability drop to 97.
        var random = new Random(17);
        var frame = new SeriesFrame(SyntheticSeries.Times(Length),
        [
            SeriesColumn.FromName("gateway_availability", SyntheticSeries.Step(random, Length, 300, 100, 97, 0)),
            SeriesColumn.FromName("cache_mem", SyntheticSeries.Step(random, Length, 300, 1e6, 1.05e6, 3e3)),
        ]);

        var result = new SeriesRootCauseAnalyzer().Analyze(frame, onset: frame.TimeAt(300));

        Assert.Equal("gateway", result.Candidates[0].Entity);
        Assert.Contains("fell from 100 to 97", result.Candidates[0].Explanation);
    }

    [Theory]
    [InlineData(1.0, 0.5, Confidence.High)]
    [InlineData(1.0, 0.85, Confidence.Medium)]
    [InlineData(1.0, 0.95, Confidence.Low)]
    public void ConfidenceOf_Leader_FollowsMarginOverRunnerUp(double score, double next, Confidence expected)
    {
        Assert.Equal(expected, EntityScorer.ConfidenceOf(0, score, next, score));
    }
}
