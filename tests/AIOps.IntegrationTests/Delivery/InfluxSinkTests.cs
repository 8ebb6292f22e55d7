using AIOps.Core.Model;
using AIOps.Influx;
using AIOps.IntegrationTests.Support;

namespace AIOps.IntegrationTests.Delivery;

/// <summary>InfluxDB.Client writes through the nginx /api/v2/write rewrite to a real influxd; InfluxQL reads back.</summary>
public sealed class InfluxSinkTests
{
    [Fact]
    public async Task WriteSignalsAsync_RealInfluxBehindRewrite_PointsReadBackWithTagsAndFields()
    {
        using var server = await InfluxServer.StartAsync();
        using var sut = new InfluxSink(new InfluxOptions { Url = server.WriteUrl, Token = "unused-by-1.x", Bucket = InfluxServer.Database });
        var signals = Enumerable.Range(0, 250).Select(DeliveryData.Signal).ToList();

        await sut.WriteSignalsAsync(signals, CancellationToken.None);
        await sut.PublishAsync(DeliveryData.Signal(250), CancellationToken.None);

        Assert.Equal(251, await server.CountAsync("aiops_signal", "score"));
        var tags = (await server.QueryAsync("SHOW TAG KEYS FROM aiops_signal")).Select(r => r[0].GetString()).ToList();
        Assert.Equal(["detector", "entity", "indicator", "kind", "severity"], tags);
        var row = Assert.Single(await server.QueryAsync(
            $"SELECT score, observed, expected, deviation, entity, kind FROM aiops_signal WHERE time = {DeliveryData.T0.AddMilliseconds(7).ToUnixTimeMilliseconds()}ms"));
        Assert.Equal(signals[7].Score, row[1].GetDouble(), 9);
        Assert.Equal(signals[7].Observed, row[2].GetDouble());
        Assert.Equal(4, row[3].GetDouble());
        Assert.Equal(signals[7].Deviation, row[4].GetDouble());
        Assert.Equal("payments", row[5].GetString());
        Assert.Equal("anomaly", row[6].GetString());
    }

    [Fact]
    public async Task PublishAsync_IncidentOpenedThenResolved_TwoAnnotations()
    {
        using var server = await InfluxServer.StartAsync();
        using var sut = new InfluxSink(new InfluxOptions { Url = server.WriteUrl, Bucket = InfluxServer.Database });

        await sut.PublishAsync(DeliveryData.Incident("inc-7", 1), CancellationToken.None);
        await sut.WriteIncidentsAsync([DeliveryData.Incident("inc-7", 2, IncidentStatus.Resolved)], CancellationToken.None);

        var rows = await server.QueryAsync("SELECT incident_id, status, version, top_cause, entities FROM aiops_incident");
        Assert.Equal(2, rows.Count);
        Assert.Equal(DeliveryData.T0.ToUnixTimeMilliseconds(), rows[0][0].GetInt64());
        Assert.Equal(["inc-7", "open", "1", "payments-db", "3"], Columns(rows[0]));
        Assert.Equal(DeliveryData.T0.AddMinutes(10).ToUnixTimeMilliseconds(), rows[1][0].GetInt64());
        Assert.Equal(["inc-7", "resolved", "2", "payments-db", "3"], Columns(rows[1]));
    }

    private static List<string> Columns(System.Text.Json.JsonElement row) =>
        [.. row.EnumerateArray().Skip(1).Select(v => v.ToString())];
}
