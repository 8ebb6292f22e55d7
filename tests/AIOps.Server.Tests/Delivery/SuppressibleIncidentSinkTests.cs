using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Server.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace AIOps.Server.Tests.Delivery;

public sealed class SuppressibleIncidentSinkTests
{
    private readonly FakeTimeProvider _time = new(TestIncidents.T0.AddHours(1));
    private readonly Recording _inner = new();

    [Fact]
    public async Task PublishAsync_SilencedOpenIncident_ReachesNotifierAsResolved()
    {
        var sut = new SuppressibleIncidentSink(_inner, _ => true, _time);

        await sut.PublishAsync(TestIncidents.Create("inc-a", 3), default);

        var sent = Assert.Single(_inner.Incidents);
        Assert.Equal(IncidentStatus.Resolved, sent.Status);
        Assert.Equal(_time.GetUtcNow(), sent.ResolvedAt);
        Assert.Equal(3, sent.Version);
        Assert.Equal(SuppressibleIncidentSink.SuppressedChange, sent.Change);
    }

    [Fact]
    public async Task PublishAsync_NotSuppressedOrAlreadyResolved_PassesUnchanged()
    {
        var open = TestIncidents.Create("inc-a", 1);
        var resolved = TestIncidents.Create("inc-b", 2, IncidentStatus.Resolved);
        var sut = new SuppressibleIncidentSink(_inner, i => i.Id == "inc-b", _time);

        await sut.PublishAsync(open, default);
        await sut.PublishAsync(resolved, default);

        Assert.Same(open, _inner.Incidents[0]);
        Assert.Same(resolved, _inner.Incidents[1]);
    }

    /// <summary>Records what the notifier would have been sent.</summary>
    private sealed class Recording : IIncidentSink
    {
        public List<Incident> Incidents { get; } = [];

        public ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
        {
            Incidents.Add(incident);
            return ValueTask.CompletedTask;
        }
    }
}
