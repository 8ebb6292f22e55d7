using AIOps.Core.Model;
using AIOps.RootCause.Series;

namespace AIOps.RootCause.Tests.Series;

public sealed class SeriesFrameBuilderTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void FromPoints_BucketsByStepAndGroupsByEntityAndMetric()
    {
        MetricPoint[] points =
        [
            MetricPoint.Create("latency", LabelSet.From(("service", "api"), ("quantile", "0.99")), T0, 10),
            MetricPoint.Create("latency", LabelSet.From(("service", "api"), ("quantile", "0.99")), T0.AddSeconds(5), 20),
            MetricPoint.Create("latency", LabelSet.From(("service", "api"), ("quantile", "0.99")), T0.AddSeconds(30), 40),
            MetricPoint.Create("cpu", LabelSet.From(("service", "db"), ("host", "n1")), T0.AddSeconds(12), 3),
        ];

        var sut = SeriesFrameBuilder.FromPoints(points, TimeSpan.FromSeconds(10));

        Assert.Equal(4, sut.Length);
        Assert.Equal(T0, sut.TimeAt(0));
        var api = Assert.Single(sut.Columns, c => c.Entity == "api");
        Assert.Equal("latency{quantile=0.99}", api.Metric);
        Assert.Equal(15, api.Values[0]);
        Assert.True(double.IsNaN(api.Values[1]));
        Assert.Equal(40, api.Values[3]);
        var db = Assert.Single(sut.Columns, c => c.Entity == "db");
        Assert.Equal("cpu", db.Metric);
        Assert.Equal(3, db.Values[1]);
    }

    [Fact]
    public void FromPoints_None_ReturnsEmptyFrame()
    {
        Assert.Equal(0, SeriesFrameBuilder.FromPoints([], TimeSpan.FromSeconds(1)).Length);
    }
}
