using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Detection.Scoring;
using AIOps.Detection.Stage;

namespace AIOps.Detection.Tests.Stage;

public sealed class DetectionStageTemplateRateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly List<Signal> _signals = [];

    [Fact]
    public void Observe_KnownWarningTemplateBursts_RaisesItsTemplateRateSignal()
    {
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph());

        // "retrying" is a warning the service always logs a little of; at minute 40 it bursts. Other lines steady.
        for (var minute = 0; minute < 50; minute++)
        {
            var retries = minute >= 40 ? 25 : minute % 3 == 0 ? 2 : 1;
            for (var i = 0; i < 30; i++)
            {
                var retry = i < retries;
                Observe(sut, "cart", minute, i, retry ? Severity.Warning : Severity.Info, retry ? "tpl-retry" : "tpl-ok");
            }
        }

        var signal = Assert.Single(_signals.Where(s => s.Indicator == LogIndicators.TemplateCount).Take(1));
        Assert.Equal("cart", signal.Entity);
        Assert.Equal(T0.AddMinutes(40), signal.Onset);
        Assert.DoesNotContain(_signals, s => s.Indicator == LogIndicators.ErrorCount); // warnings are not errors
    }

    [Fact]
    public void Observe_InfoTemplates_GetNoRateSeries()
    {
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph());

        for (var minute = 0; minute < 10; minute++)
        {
            Observe(sut, "cart", minute, 0, Severity.Info, "tpl-info");
        }

        Assert.Equal(1, sut.SeriesCount); // the entity's error-count series only
    }

    [Fact]
    public void Observe_MoreTemplatesThanTheBound_KeepsTheMostRecentlySeen()
    {
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph(), new DetectionOptions { MaxTemplatesPerEntity = 3 });

        for (var minute = 0; minute < 4; minute++)
        {
            for (var t = 0; t < 5; t++)
            {
                Observe(sut, "cart", minute, t, Severity.Error, $"tpl-{(minute * 5) + t}");
            }
        }

        // Each minute brings five new templates, of which the last three are counted; three buckets closed (minutes
        // 0-2), each with its three templates, plus the entity's error-count series: 1 + 3 x 3 series.
        Assert.Equal(10, sut.SeriesCount);
    }

    private void Observe(DetectionStage sut, string entity, int minute, int second, Severity severity, string template) =>
        sut.Observe(
            new LogRecord
            {
                Timestamp = T0.AddMinutes(minute).AddSeconds(second),
                Resource = new Resource(entity),
                Severity = severity,
                Body = template,
                TemplateId = template,
                Template = template,
            },
            _signals);
}
