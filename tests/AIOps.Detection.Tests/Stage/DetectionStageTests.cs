using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Detection.Scoring;
using AIOps.Detection.Stage;

namespace AIOps.Detection.Tests.Stage;

public sealed class DetectionStageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly List<Signal> _signals = [];

    [Fact]
    public void Observe_StepInOneSeries_RaisesOneSignalWithOnsetThenRepeatsAfterInterval()
    {
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph());
        var random = new Random(674386);
        var labels = LabelSet.From(("service.name", "payments-db"));

        for (var i = 0; i < 60; i++)
        {
            sut.Observe(MetricPoint.Create("latency_ms", labels, T0.AddSeconds(15 * i), 5 + random.NextDouble()), _signals);
        }

        Assert.Empty(_signals);
        for (var i = 60; i < 100; i++)
        {
            sut.Observe(MetricPoint.Create("latency_ms", labels, T0.AddSeconds(15 * i), 40 + random.NextDouble()), _signals);
        }

        Assert.NotEmpty(_signals);
        var first = _signals[0];
        Assert.Equal("payments-db", first.Entity);
        Assert.Equal("latency_ms", first.Indicator);
        Assert.Equal(Direction.Up, first.Direction);
        Assert.Equal(T0.AddSeconds(15 * 60), first.Onset);
        Assert.All(_signals, s => Assert.Equal(first.Onset, s.Onset));
        Assert.True(_signals.Count is >= 2 and <= 3, $"a 10-minute anomaly should be re-signalled every 5 min, got {_signals.Count}");

        // Regression: repeats must have their own ids (same fingerprint), or correlation takes them for replays.
        Assert.Equal(_signals.Count, _signals.Select(s => s.Id).Distinct().Count());
        Assert.Single(_signals.Select(s => s.Fingerprint).Distinct());
    }

    [Fact]
    public void Observe_ErrorLogBurst_RaisesErrorCountSignal()
    {
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph());
        var resource = new Resource("checkout");
        for (var minute = 0; minute < 40; minute++)
        {
            var errors = minute >= 30 ? 20 : minute % 7 == 0 ? 1 : 0;
            for (var i = 0; i < 30; i++)
            {
                var severity = i < errors ? Severity.Error : Severity.Info;
                sut.Observe(new LogRecord { Timestamp = T0.AddMinutes(minute).AddSeconds(i), Resource = resource, Severity = severity, Body = "x" }, _signals);
            }
        }

        var signal = Assert.Single(_signals.Where(s => s.Indicator == LogIndicators.ErrorCount).Take(1));
        Assert.Equal("checkout", signal.Entity);
        Assert.Equal(T0.AddMinutes(30), signal.Onset); // the first error of the burst, not just its bucket
    }

    [Fact]
    public void Observe_AlertAndChange_BecomeSignalsAsTheyAre()
    {
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph());
        var alert = new EventRecord
        {
            Timestamp = T0, Resource = new Resource("frontend"), Source = "alertmanager", Fingerprint = "abc", Status = EventStatus.Firing,
            Severity = Severity.Critical, Kind = EventKind.Alert, Title = "High error rate", Labels = LabelSet.From(("alertname", "HighErrorRate")),
        };

        sut.Observe(alert, _signals);
        sut.Observe(alert with { Kind = EventKind.Change, Fingerprint = "d1", Title = "deploy v2" }, _signals);

        Assert.Equal(SignalKind.Alert, _signals[0].Kind);
        Assert.Equal("HighErrorRate", _signals[0].Indicator);
        Assert.Equal(1.0, _signals[0].Score);
        Assert.Equal(SignalKind.Change, _signals[1].Kind);
    }

    [Fact]
    public void Observe_ClientSpanWithPeer_LearnsDependencyEdge()
    {
        var graph = new DependencyGraph();
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), graph);

        sut.Observe(new SpanRecord { Timestamp = T0, Resource = new Resource("checkout"), TraceId = "t", SpanId = "s", Service = "checkout", Operation = "charge", Duration = TimeSpan.FromMilliseconds(12), PeerService = "payments" }, _signals);

        Assert.Equal(["payments"], graph.Callees("checkout"));
    }

    [Fact]
    public void Observe_BeyondMaxSeries_CountsRejected()
    {
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph(), new DetectionOptions { MaxSeries = 2 });

        for (var i = 0; i < 5; i++)
        {
            sut.Observe(MetricPoint.Create("m", LabelSet.From(("host", $"h{i}")), T0, 1), _signals);
        }

        Assert.Equal(2, sut.SeriesCount);
        Assert.Equal(3, sut.RejectedSeries);
    }

    [Fact]
    public void Observe_NewErrorTemplateAfterWarmup_RaisesNoveltyOnlyThen()
    {
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph(), new DetectionOptions { NoveltyWarmupLogs = 10 });
        var resource = new Resource("payments");
        LogRecord Log(int i, bool isNew, Severity severity) => new()
        {
            Timestamp = T0.AddSeconds(i), Resource = resource, Severity = severity, Body = $"line {i}",
            TemplateId = $"t{i}", Template = "line <*>", NewTemplate = isNew,
        };

        sut.Observe(Log(0, isNew: true, Severity.Error), _signals);
        for (var i = 1; i < 10; i++)
        {
            sut.Observe(Log(i, isNew: false, Severity.Info), _signals);
        }

        sut.Observe(Log(10, isNew: true, Severity.Info), _signals);
        Assert.DoesNotContain(_signals, s => s.Kind == SignalKind.Novelty);

        sut.Observe(Log(11, isNew: true, Severity.Error), _signals);

        var novelty = Assert.Single(_signals, s => s.Kind == SignalKind.Novelty);
        Assert.Equal("payments", novelty.Entity);
        Assert.Equal("novelty:payments:t11", novelty.Fingerprint);
    }

    [Fact]
    public void Observe_UpOnlyMetricDrops_RaisesNothing_ButRiseDoes()
    {
        var rules = AIOps.Detection.Rules.DetectionRulesFile.Parse("metrics:\n  - match: \"*latency*\"\n    direction: up\n");
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph(), null, rules);
        var random = new Random(674386);
        var labels = LabelSet.From(("service.name", "api"));
        for (var i = 0; i < 60; i++)
        {
            sut.Observe(MetricPoint.Create("latency_ms", labels, T0.AddSeconds(15 * i), 50 + random.NextDouble()), _signals);
        }

        for (var i = 60; i < 80; i++)
        {
            sut.Observe(MetricPoint.Create("latency_ms", labels, T0.AddSeconds(15 * i), 1 + random.NextDouble()), _signals);
        }

        Assert.Empty(_signals);
        for (var i = 80; i < 84; i++)
        {
            sut.Observe(MetricPoint.Create("latency_ms", labels, T0.AddSeconds(15 * i), 500 + random.NextDouble()), _signals);
        }

        Assert.Equal(Direction.Up, Assert.Single(_signals).Direction);
    }

    [Fact]
    public void Observe_MinDuration_SignalsOnlyOnceLongEnough_WithRunOnset()
    {
        var rules = AIOps.Detection.Rules.DetectionRulesFile.Parse("defaults:\n  minDuration: 1m\n");
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph(), null, rules);
        var random = new Random(674386);
        var labels = LabelSet.From(("service.name", "api"));
        for (var i = 0; i < 60; i++)
        {
            sut.Observe(MetricPoint.Create("cpu", labels, T0.AddSeconds(15 * i), 0.2 + (0.01 * random.NextDouble())), _signals);
        }

        // A 30-second spike: too short.
        sut.Observe(MetricPoint.Create("cpu", labels, T0.AddSeconds(15 * 60), 0.95), _signals);
        sut.Observe(MetricPoint.Create("cpu", labels, T0.AddSeconds(15 * 61), 0.95), _signals);
        for (var i = 62; i < 70; i++)
        {
            sut.Observe(MetricPoint.Create("cpu", labels, T0.AddSeconds(15 * i), 0.2 + (0.01 * random.NextDouble())), _signals);
        }

        Assert.Empty(_signals);

        // A sustained one: signalled once it has lasted a minute, with the onset where it began.
        for (var i = 70; i < 76; i++)
        {
            sut.Observe(MetricPoint.Create("cpu", labels, T0.AddSeconds(15 * i), 0.95), _signals);
        }

        var signal = Assert.Single(_signals);
        Assert.Equal(T0.AddSeconds(15 * 70), signal.Onset);
        Assert.Equal(T0.AddSeconds(15 * 74), signal.Timestamp);
    }

    [Fact]
    public void Observe_Spans_BecomeServiceErrorRatioAndEdgeLatencySeries()
    {
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph());
        var random = new Random(674386);
        for (var minute = 0; minute < 40; minute++)
        {
            var broken = minute >= 30;
            for (var i = 0; i < 50; i++)
            {
                var t = T0.AddMinutes(minute).AddSeconds(i);
                var error = broken ? i % 2 == 0 : random.NextDouble() < 0.02;
                sut.Observe(Span("checkout", null, t, 40 + random.NextDouble(), error), _signals);
                sut.Observe(Span("checkout", "payments", t, (broken ? 400 : 20) + random.NextDouble(), false), _signals);
            }
        }

        var errors = _signals.First(s => s.Indicator == SpanIndicators.ErrorRatio);
        Assert.Equal("checkout", errors.Entity);
        Assert.Equal(T0.AddMinutes(30), errors.Onset);
        var edge = _signals.First(s => s.Indicator == SpanIndicators.EdgeDurationMs);
        Assert.Equal("payments", edge.Entity);
        Assert.Equal("checkout", edge.Labels.Get("caller"));
        Assert.DoesNotContain(_signals, s => s.Indicator == SpanIndicators.DurationMs);
    }

    [Fact]
    public void Observe_OneFailedSpanInAQuietService_IsCountingNoise_ButFailingMostIsNot()
    {
        // Six spans a minute and none failed so far: one failure is a new record of the error ratio (1/6), yet one
        // event where 0.0 were expected is within counting noise.
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph());
        var random = new Random(90210);
        for (var minute = 0; minute < 60; minute++)
        {
            for (var i = 0; i < 6; i++)
            {
                var error = minute == 40 ? i == 0 : minute >= 50 && i % 3 != 0; // then 4 of 6 fail
                sut.Observe(Span("search", null, T0.AddMinutes(minute).AddSeconds(10 * i), 30 + random.NextDouble(), error), _signals);
            }
        }

        var errors = _signals.Where(s => s.Indicator == SpanIndicators.ErrorRatio).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, s => Assert.True(s.Onset >= T0.AddMinutes(50), $"signal at {s.Onset:HH:mm} before the failures began"));
    }

    [Fact]
    public void Observe_CounterThatRestarts_IsScoredAsItsRateAndStaysQuiet_ButARateJumpSignals()
    {
        // Scored raw, the restart's drop to zero would be the largest deviation this series ever showed.
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph());
        var random = new Random(5150);
        var labels = LabelSet.From(("service.name", "cart"));
        var total = 0.0;
        for (var i = 0; i < 200; i++)
        {
            // ~10 requests/s, 15 s scrapes; at 120 the process restarted and has counted 150 since, from zero.
            total = i == 120 ? 150 : total + 150 + (10 * random.NextDouble());
            sut.Observe(MetricPoint.Create("http_requests_total", labels, T0.AddSeconds(15 * i), total), _signals);
        }

        Assert.Empty(_signals);
        for (var i = 200; i < 240; i++)
        {
            total += 1500 + (100 * random.NextDouble()); // ~100 requests/s
            sut.Observe(MetricPoint.Create("http_requests_total", labels, T0.AddSeconds(15 * i), total), _signals);
        }

        var signal = Assert.Single(_signals.Take(1));
        Assert.Equal("http_requests_total", signal.Indicator);
        Assert.InRange(signal.Observed, 90, 120);
        Assert.Contains("/s (rate of a counter)", signal.Summary, StringComparison.Ordinal);
    }

    private static SpanRecord Span(string service, string? peer, DateTimeOffset t, double ms, bool error) => new()
    {
        Timestamp = t, Resource = new Resource(service), TraceId = "t", SpanId = "s", Service = service, Operation = "op",
        Duration = TimeSpan.FromMilliseconds(ms), IsError = error, PeerService = peer,
    };
}
