using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Correlation.Incidents;
using static AIOps.Correlation.Tests.Incidents.Signals;

namespace AIOps.Correlation.Tests.Incidents;

/// <summary>Services with no declared path between them going wrong in the same minute: one shared cause.</summary>
public sealed class TimeWindowCorrelatorCoOnsetTests
{
    private readonly DependencyGraph _graph = new();
    private readonly List<IncidentChange> _changes = [];

    [Fact]
    public void Observe_UnconnectedServicesAnomalousInTheSameMinute_OneIncidentWithTheReason()
    {
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions { AnomalyMinCount = 1 });

        sut.Observe(Anomaly("payments", "errors", 0), _changes);
        sut.Observe(Anomaly("auth", "errors", 0.25), _changes);
        sut.Observe(Anomaly("coredns", "dns_latency", 0.5), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(["payments", "auth", "coredns"], incident.Entities);
        Assert.Contains(incident.Reasons, r => r.Contains("a shared cause is likely", StringComparison.Ordinal));
    }

    [Fact]
    public void Observe_UnconnectedAnomaliesMinutesApart_StaySeparate()
    {
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions { AnomalyMinCount = 1 });

        sut.Observe(Anomaly("payments", "errors", 0), _changes);
        sut.Observe(Anomaly("auth", "errors", 3), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
    }

    [Fact]
    public void Observe_AnomalyInTheMinuteOfAnUnrelatedPage_DoesNotJoinIt()
    {
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions { AnomalyMinCount = 1 });

        sut.Observe(Alert("reports-cron", "JobFailed", 0), _changes);
        sut.Observe(Anomaly("auth", "errors", 0.25), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
    }

    [Fact]
    public void Observe_CoOnsetOff_SameMinuteStaysSeparate()
    {
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions { AnomalyMinCount = 1, CoOnsetWindow = TimeSpan.Zero });

        sut.Observe(Anomaly("payments", "errors", 0), _changes);
        sut.Observe(Anomaly("auth", "errors", 0.25), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
    }
}
