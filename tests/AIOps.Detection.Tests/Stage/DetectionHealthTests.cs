using System.Diagnostics.Metrics;
using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Detection.Scoring;
using AIOps.Detection.Stage;

namespace AIOps.Detection.Tests.Stage;

[CollectionDefinition(nameof(DetectionHealthTests), DisableParallelization = true)]
public sealed class DetectionHealthCollection;

/// <summary>The meter is process-wide, so these tests run alone and listen only while they feed the stage.</summary>
[Collection(nameof(DetectionHealthTests))]
public sealed class DetectionHealthTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_BaselineShift_MarksSeriesDriftingUntilTheBaselineCatchesUp()
    {
        var drift = new List<long>();
        var scores = 0;
        var series = 0L;
        using var listener = Listen((name, value) =>
        {
            switch (name)
            {
                case "aiops.detection.drifting_series": drift.Add((long)value); break;
                case "aiops.detection.score": scores++; break;
                case "aiops.detection.series": series += (long)value; break;
            }
        });
        var sut = new DetectionStage(new RobustBaselineDetectorFactory(), new DependencyGraph());
        var random = new Random(674386);
        var labels = LabelSet.From(("service.name", "api"));
        var signals = new List<Signal>();

        for (var i = 0; i < 300; i++)
        {
            sut.Observe(MetricPoint.Create("queue_depth", labels, T0.AddMinutes(i), 100 + random.NextDouble()), signals);
        }

        Assert.Empty(drift);
        Assert.Equal(1, series);
        Assert.Equal(300 - 20, scores); // every point after the 20-point warm-up

        for (var i = 300; i < 700; i++)
        {
            sut.Observe(MetricPoint.Create("queue_depth", labels, T0.AddMinutes(i), 500 + random.NextDouble()), signals);
        }

        Assert.Equal([1, -1], drift);
    }

    private static MeterListener Listen(Action<string, double> onMeasurement)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DetectionHealth.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => onMeasurement(i.Name, v));
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => onMeasurement(i.Name, v));
        listener.Start();
        return listener;
    }
}
