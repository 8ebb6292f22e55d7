using AIOps.Core.Model;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace AIOps.Influx.Tests;

public sealed class InfluxPointsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FromSignal_Anomaly_TagsAreBoundedDimensionsAndValuesAreFields()
    {
        var signal = new Signal
        {
            Id = "sig-1", Kind = SignalKind.Anomaly, Entity = "payments db", Indicator = "latency_ms", Detector = "robust",
            Score = 0.93, Observed = 34, Expected = 4, Deviation = 12.5, Onset = T0, Timestamp = T0, Severity = Severity.Error,
            Fingerprint = "f",
        };

        var sut = InfluxPoints.FromSignal(signal, WritePrecision.Ms).ToLineProtocol(new PointSettings());

        Assert.Equal(
            @"aiops_signal,detector=robust,entity=payments\ db,indicator=latency_ms,kind=anomaly,severity=error deviation=12.5,expected=4,observed=34,score=0.93 1795780800000",
            sut);
    }

    [Fact]
    public void FromIncident_Resolved_AnnotatesAtResolveTime()
    {
        var incident = new Incident
        {
            Id = "inc-1", Version = 3, Status = IncidentStatus.Resolved, Title = "latency on db", Severity = Severity.Critical,
            Entities = ["db", "api"], Signals = [], FirstSeen = T0, LastSeen = T0.AddMinutes(5), ResolvedAt = T0.AddMinutes(9),
            Change = "resolved",
            RootCause = new RootCauseReport(T0, [new RootCauseCandidate("db", "latency", 0.9, Confidence.High, [], "db first")], "t"),
        };

        var sut = InfluxPoints.FromIncident(incident, WritePrecision.S).ToLineProtocol(new PointSettings());

        Assert.Equal(
            "aiops_incident,incident_id=inc-1,severity=critical,status=resolved change=\"resolved\",entities=2i,signals=0i,title=\"latency on db\",top_cause=\"db\",version=3i 1795781340",
            sut);
    }

    [Fact]
    public void AnnotationTime_FirstVersion_IsFirstSeen()
    {
        var incident = new Incident
        {
            Id = "inc-1", Version = 1, Status = IncidentStatus.Open, Title = "t", Severity = Severity.Error,
            Entities = ["db"], Signals = [], FirstSeen = T0, LastSeen = T0.AddMinutes(2),
        };

        Assert.Equal(T0, InfluxPoints.AnnotationTime(incident));
        Assert.Equal(T0.AddMinutes(2), InfluxPoints.AnnotationTime(incident with { Version = 2 }));
    }

    [Fact]
    public void FromSignal_SeriesTagOn_SameMetricOnTwoSeriesAreTwoPoints()
    {
        var a = new Signal
        {
            Id = "a", Kind = SignalKind.Anomaly, Entity = "api", Indicator = "latency", Detector = "d", Score = 1,
            Onset = T0, Timestamp = T0, Fingerprint = "api/latency/route=a",
        };
        var b = a with { Id = "b", Fingerprint = "api/latency/route=b" };

        var off = InfluxPoints.FromSignal(a, WritePrecision.Ms).ToLineProtocol(new PointSettings()) == InfluxPoints.FromSignal(b, WritePrecision.Ms).ToLineProtocol(new PointSettings());
        var sut = InfluxPoints.FromSignal(a, WritePrecision.Ms, seriesTag: true).ToLineProtocol(new PointSettings());

        Assert.True(off);
        Assert.Contains(@"series=api/latency/route\=a", sut, StringComparison.Ordinal);
    }
}
