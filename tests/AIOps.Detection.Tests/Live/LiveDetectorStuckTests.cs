using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Detection.Robust;
using AIOps.Detection.Rules;
using AIOps.Detection.Scoring;
using AIOps.Detection.Stage;

namespace AIOps.Detection.Tests.Live;

public sealed class LiveDetectorStuckTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_VaryingSeriesFreezes_OneStuckScoreWhenTheRunOutlastsEveryEarlierOne()
    {
        var sut = new LiveDetectorFactory(string.Empty, watchStuck: true).Create("requests_per_s");

        var scores = Feed(sut, Varying(300).Concat(Enumerable.Repeat(412.0, 60)));

        var stuck = Assert.Single(scores, s => s.Kind == AnomalyKind.Stuck);
        Assert.Equal(LiveDetectorFactory.StuckScore, stuck.Score);
        Assert.Equal(412.0, stuck.Expected);
        Assert.Equal(300 + FlatRunScorer.MinRun - 1, scores.IndexOf(stuck));
    }

    [Fact]
    public void Update_StuckNotWatched_NoStuckScore()
    {
        var sut = new LiveDetectorFactory(string.Empty).Create("requests_per_s");

        var scores = Feed(sut, Varying(300).Concat(Enumerable.Repeat(412.0, 60)));

        Assert.DoesNotContain(scores, s => s.Kind == AnomalyKind.Stuck);
    }

    [Fact]
    public void Update_ConstantFromTheStart_NeverStuck()
    {
        var sut = new LiveDetectorFactory(string.Empty, watchStuck: true).Create("replicas");

        var scores = Feed(sut, Enumerable.Repeat(3.0, 500));

        Assert.DoesNotContain(scores, s => s.Kind == AnomalyKind.Stuck);
    }

    [Fact]
    public void Observe_MetricWithStuckRule_SignalSaysStuckDespiteMinDuration()
    {
        var rules = DetectionRulesFile.Parse("metrics:\n  - match: \"*requests*\"\n    stuck: true\n    minDuration: 5m\n");
        var sut = new DetectionStage(new LiveDetectorFactory(), new DependencyGraph(), new DetectionOptions(), rules);
        var labels = LabelSet.From(("service.name", "checkout"));
        var signals = new List<Signal>();

        var values = Varying(300).Concat(Enumerable.Repeat(412.0, 60)).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            sut.Observe(MetricPoint.Create("http_requests_per_s", labels, T0.AddSeconds(15 * i), values[i]), signals);
        }

        var signal = Assert.Single(signals);
        Assert.Contains("stuck at 412", signal.Summary, StringComparison.Ordinal);
        Assert.Equal(Direction.None, signal.Direction);
        Assert.Equal(T0.AddSeconds(15 * (300 + FlatRunScorer.MinRun - 1)), signal.Timestamp);
    }

    [Fact]
    public void Parse_StuckNotABoolean_ReportsItsLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => DetectionRulesFile.Parse("metrics:\n  - match: q\n    stuck: sometimes\n", "detection.yaml"));

        Assert.Contains("detection.yaml:3: stuck must be true or false", error.Message, StringComparison.Ordinal);
    }

    // A busy rate: never the same value twice in a row.
    private static IEnumerable<double> Varying(int count) => Enumerable.Range(0, count).Select(i => 400 + (10 * Math.Sin(i / 7.0)) + (i % 3));

    private static List<AnomalyScore> Feed(ISeriesDetector detector, IEnumerable<double> values) =>
        [.. values.Select((v, i) => detector.Update(T0.AddSeconds(15 * i), v))];
}
