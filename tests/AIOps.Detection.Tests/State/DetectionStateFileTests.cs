using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Detection.Stage;
using AIOps.Detection.State;

namespace AIOps.Detection.Tests.State;

public sealed class DetectionStateFileTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "aiops-detector-state-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        File.Delete(_path);
        File.Delete(_path + ".tmp");
    }

    [Fact]
    public void SaveThenLoad_IntoANewStage_RaisesTheSameSignalsAsTheStageThatNeverStopped()
    {
        var original = NewStage();
        Feed(original, 0, 700, []);

        var saved = DetectionStateFile.Save(original, _path);
        var sut = NewStage();
        var load = DetectionStateFile.Load(sut, _path);

        Assert.Equal(3, saved);
        Assert.Equal(new DetectionStateLoad(3, 0, null), load);
        Assert.Equal(3, sut.SeriesCount);
        var expected = new List<Signal>();
        var actual = new List<Signal>();
        Feed(original, 700, 300, expected);
        Feed(sut, 700, 300, actual);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(s => (s.Entity, s.Indicator, s.Timestamp, s.Score)), actual.Select(s => (s.Entity, s.Indicator, s.Timestamp, s.Score)));
    }

    [Fact]
    public void Load_MissingFile_RestoresNothingAndSaysSo()
    {
        var load = DetectionStateFile.Load(NewStage(), _path);

        Assert.Equal(new DetectionStateLoad(0, 0, "no state file"), load);
    }

    [Fact]
    public void Load_OtherFile_RestoresNothing()
    {
        File.WriteAllText(_path, "not state");

        var load = DetectionStateFile.Load(NewStage(), _path);

        Assert.Equal(0, load.Restored);
        Assert.NotNull(load.Problem);
    }

    [Fact]
    public void Load_TruncatedFile_RestoresTheSeriesBeforeTheCutAndReportsIt()
    {
        var original = NewStage();
        Feed(original, 0, 700, []);
        DetectionStateFile.Save(original, _path);
        var bytes = File.ReadAllBytes(_path);
        File.WriteAllBytes(_path, bytes[..(bytes.Length - 100)]);
        var sut = NewStage();

        var load = DetectionStateFile.Load(sut, _path);

        Assert.Equal(2, load.Restored);
        Assert.Contains("truncated", load.Problem, StringComparison.Ordinal);
        Assert.Equal(2, sut.SeriesCount);
    }

    [Fact]
    public void Save_OverAnExistingFile_ReplacesItWhole()
    {
        var first = NewStage();
        Feed(first, 0, 50, []);
        DetectionStateFile.Save(first, _path);
        var second = NewStage();
        Feed(second, 0, 700, []);

        DetectionStateFile.Save(second, _path);

        Assert.False(File.Exists(_path + ".tmp"));
        Assert.Equal(3, DetectionStateFile.Load(NewStage(), _path).Restored);
    }

    private static DetectionStage NewStage() => new(new LiveDetectorFactory(), new DependencyGraph());

    private static void Feed(DetectionStage stage, int from, int count, List<Signal> signals)
    {
        string[] services = ["cart", "checkout", "payments"];
        for (var i = 0; i < count; i++)
        {
            var t = from + i;
            for (var s = 0; s < services.Length; s++)
            {
                var spike = t is >= 850 and < 860 && s == 2 ? 400 : 0;
                var value = 50 + 10 * Math.Sin(2 * Math.PI * t / 288) + ((t * 7919 + s * 31) % 7) + spike;
                stage.Observe(MetricPoint.Create("latency_ms", LabelSet.From(("service.name", services[s])), T0.AddMinutes(5 * t), value), signals);
            }
        }
    }
}
