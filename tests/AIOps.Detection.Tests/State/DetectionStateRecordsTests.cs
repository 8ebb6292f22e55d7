using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Detection.Stage;
using AIOps.Detection.State;

namespace AIOps.Detection.Tests.State;

public sealed class DetectionStateRecordsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ExportThenImport_OneRecordPerSeriesKeyedById_RestoresEverySeries()
    {
        var original = NewStage();
        Feed(original, ["cart", "checkout"]);

        var records = DetectionStateRecords.Export(original).ToList();
        var sut = NewStage();
        var load = DetectionStateRecords.Import(sut, records.Select(r => r.Value));

        Assert.Equal(2, records.Count);
        Assert.Equal(records.Count, records.Select(r => r.Key).Distinct().Count());
        Assert.All(records, r => Assert.Matches("^[0-9a-f]{16}$", r.Key));
        Assert.Equal(new DetectionStateLoad(2, 0, null), load);
        Assert.Equal(2, sut.SeriesCount);
    }

    [Fact]
    public void Import_SeriesAlreadyScoredOrBrokenRecords_SkipsThemAndRestoresTheRest()
    {
        var original = NewStage();
        Feed(original, ["cart", "checkout"]);
        var records = DetectionStateRecords.Export(original).Select(r => r.Value).ToList();
        var sut = NewStage();
        Feed(sut, ["cart"]); // already scored here: the running detector wins

        var load = DetectionStateRecords.Import(sut, [.. records, records[0][..20], "junk"u8.ToArray()]);

        Assert.Equal(1, load.Restored);
        Assert.Equal(3, load.Skipped);
        Assert.NotNull(load.Problem);
        Assert.Equal(2, sut.SeriesCount);
    }

    private static DetectionStage NewStage() => new(new LiveDetectorFactory(), new DependencyGraph());

    private static void Feed(DetectionStage stage, string[] services)
    {
        var signals = new List<Signal>();
        for (var t = 0; t < 100; t++)
        {
            foreach (var service in services)
            {
                stage.Observe(MetricPoint.Create("latency_ms", LabelSet.From(("service.name", service)), T0.AddMinutes(5 * t), 50 + (t % 7)), signals);
            }
        }
    }
}
