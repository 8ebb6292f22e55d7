using AIOps.Correlation.Incidents;
using static AIOps.Correlation.Tests.Incidents.Signals;

namespace AIOps.Correlation.Tests.Incidents;

public sealed class EntityActivityTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Fact]
    public void ConditionsWithin_DistinctConditionsOfAnyKind_CountedOnceEach()
    {
        var sut = new EntityActivity();
        sut.Observe(Anomaly("db", "latency", 0), Window);
        sut.Observe(Anomaly("db", "latency", 1), Window); // the same condition again
        sut.Observe(Alert("db", "SlowQueries", 2), Window);

        Assert.Equal(3, sut.ConditionsWithin(T0.AddMinutes(2), TimeSpan.FromMinutes(5), "anomaly:db/connections"));
        Assert.Equal(2, sut.ConditionsWithin(T0.AddMinutes(2), TimeSpan.FromMinutes(5), "anomaly:db/latency"));
    }

    [Fact]
    public void ConditionsWithin_OldConditions_DoNotCount()
    {
        var sut = new EntityActivity();
        sut.Observe(Anomaly("db", "latency", 0), Window);

        Assert.Equal(1, sut.ConditionsWithin(T0.AddMinutes(6), TimeSpan.FromMinutes(5), "anomaly:db/errors"));
    }

    [Fact]
    public void Observe_MoreConditionsThanSlots_KeepsTheNewest()
    {
        var sut = new EntityActivity();
        for (var i = 0; i < 6; i++)
        {
            sut.Observe(Anomaly("db", $"series{i}", i * 0.1), Window);
        }

        Assert.Equal(5, sut.ConditionsWithin(T0.AddMinutes(1), TimeSpan.FromMinutes(5), "anomaly:db/other"));
        Assert.Equal(4, sut.ConditionsWithin(T0.AddMinutes(1), TimeSpan.FromMinutes(5), "anomaly:db/series5"));
    }

    [Fact]
    public void AnomalyOnset_NewRunAfterAQuietWindow_StartsAgain()
    {
        var sut = new EntityActivity();
        sut.Observe(Anomaly("db", "latency", 0), Window);
        sut.Observe(Anomaly("db", "errors", 3), Window);
        Assert.Equal(T0, sut.AnomalyOnset);

        sut.Observe(Anomaly("db", "latency", 20), Window);

        Assert.Equal(T0.AddMinutes(20), sut.AnomalyOnset);
        Assert.True(sut.AnomalousBetween(T0.AddMinutes(19), T0.AddMinutes(21)));
        Assert.False(sut.AnomalousBetween(T0.AddMinutes(5), T0.AddMinutes(10)));
    }
}
