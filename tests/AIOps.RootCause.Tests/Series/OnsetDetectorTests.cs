using AIOps.RootCause.Series;

namespace AIOps.RootCause.Tests.Series;

public sealed class OnsetDetectorTests
{
    [Fact]
    public void Detect_SyntheticStepInSeveralSeries_FindsEarliestConsensus()
    {
        var random = new Random(674386);
        var frame = new SeriesFrame(SyntheticSeries.Times(400),
        [
            SeriesColumn.FromName("db_latency", SyntheticSeries.Step(random, 400, 250, 5, 25, 1)),
            SeriesColumn.FromName("api_latency", SyntheticSeries.Step(random, 400, 253, 50, 90, 3)),
            SeriesColumn.FromName("web_latency", SyntheticSeries.Step(random, 400, 256, 80, 140, 4)),
            SeriesColumn.FromName("web_cpu", SyntheticSeries.Step(random, 400, 0, 30, 30, 2)),
        ]);

        var sut = OnsetDetector.Detect(frame);

        Assert.True(sut.Found);
        Assert.InRange(sut.Row, 248, 252);
        Assert.True(sut.Agreeing >= 2, $"agreeing {sut.Agreeing}");
    }

    [Fact]
    public void Detect_OneLoudLateSeriesAndManyEarlyOnes_PrefersTheEarlyCluster()
    {
        var random = new Random(11);
        var columns = new List<SeriesColumn>();
        for (var i = 0; i < 4; i++)
        {
            columns.Add(SeriesColumn.FromName($"s{i}_x", SyntheticSeries.Step(random, 300, 100 + i, 0, 5, 1)));
        }

        columns.Add(SeriesColumn.FromName("late_x", SyntheticSeries.Step(random, 300, 220, 0, 500, 1)));

        var sut = OnsetDetector.Detect(new SeriesFrame(SyntheticSeries.Times(300), columns));

        Assert.InRange(sut.Row, 98, 104);
    }
}
