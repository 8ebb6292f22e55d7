using System.Diagnostics.Metrics;
using AIOps.Core.Model;
using AIOps.Server.Telemetry;

namespace AIOps.Server.Tests.Telemetry;

public sealed class EngineMetricsTests : IDisposable
{
    private readonly EngineMetrics _sut = new();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _values = [];

    public EngineMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _sut.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _values[instrument.Name] = value);
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().Select(t => $"|{t.Key}={t.Value}"));
            _values[key] = _values.GetValueOrDefault(key) + value;
        });
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _sut.Dispose();
    }

    [Fact]
    public void IncidentPublished_OpenResolveMerge_OpenGaugeFollowsTheVersions()
    {
        _sut.SeedOpenIncidents([TestIncidents.Create("inc-a", 3)]);
        Assert.Equal(1, OpenNow());

        _sut.IncidentPublished(TestIncidents.Create("inc-b", 1));
        _sut.IncidentPublished(TestIncidents.Create("inc-b", 2)); // an update of an open incident
        Assert.Equal(2, OpenNow());

        _sut.IncidentPublished(TestIncidents.Create("inc-a", 4, IncidentStatus.Resolved));
        _sut.IncidentPublished(TestIncidents.Create("inc-b", 3) with { MergedInto = "inc-c" });
        Assert.Equal(0, OpenNow());

        Assert.Equal(1, _values["aiops.incidents.published|change=opened|status=open"]);
        Assert.Equal(1, _values["aiops.incidents.published|change=updated|status=open"]);
        Assert.Equal(1, _values["aiops.incidents.published|change=resolved|status=resolved"]);
        Assert.Equal(1, _values["aiops.incidents.published|change=merged|status=open"]);
    }

    [Fact]
    public void MessageProcessedAndSignals_CountByTopicFormatAndKind()
    {
        _sut.MessageProcessed("t1", "influx", deadLettered: false, 0.001);
        _sut.MessageProcessed("t1", "influx", deadLettered: true, 0.001);
        _sut.SignalRaised(SignalKind.Novelty);
        _sut.SignalRaised(SignalKind.Anomaly);
        _sut.SignalRaised(SignalKind.Anomaly);

        Assert.Equal(2, _values["aiops.messages.in|topic=t1|format=influx"]);
        Assert.Equal(1, _values["aiops.messages.dead_lettered|topic=t1|format=influx"]);
        Assert.Equal(1, _values["aiops.signals|kind=novelty"]);
        Assert.Equal(2, _values["aiops.signals|kind=anomaly"]);
    }

    private int OpenNow()
    {
        _listener.RecordObservableInstruments();
        return (int)_values["aiops.incidents.open"];
    }
}
