using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Core.Model;

namespace AIOps.Server.Tests.Api;

/// <summary>Matcher silences through the API: created, listed, used by the correlator's store, ended; bad input refused.</summary>
public sealed class SilenceApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Create_Matchers_MutesMatchingSignalsUntilEnded()
    {
        using var created = await _host.Http.PostAsJsonAsync("/api/v1/silences", new
        {
            matchers = new object[] { new { label = "service.name", equals = "checkout" }, new { field = "severity", atLeast = "warning" } },
            duration = "2h",
            comment = "planned failover",
        });
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetString()!;
        using var listed = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/silences"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("planned failover", body.RootElement.GetProperty("comment").GetString());
        Assert.Equal(id, listed.RootElement.GetProperty("matcherSilences")[0].GetProperty("id").GetString());
        Assert.Equal(id, _host.Status.Silences.Muting(Signal("checkout", Severity.Error))?.Id);
        Assert.Null(_host.Status.Silences.Muting(Signal("checkout", Severity.Info)));
        Assert.Null(_host.Status.Silences.Muting(Signal("payments", Severity.Error)));

        using var ended = await _host.Http.DeleteAsync($"/api/v1/silences/{id}");

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Null(_host.Status.Silences.Muting(Signal("checkout", Severity.Error)));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Http.DeleteAsync($"/api/v1/silences/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"duration":"1h"}""", "at least one matcher")]
    [InlineData("""{"matchers":[{"label":"a","field":"entity","equals":"x"}]}""", "exactly one of field")]
    [InlineData("""{"matchers":[{"field":"colour","equals":"x"}]}""", "unknown field 'colour'")]
    [InlineData("""{"matchers":[{"label":"a"}]}""", "exactly one of equals, regex, exists, atLeast")]
    [InlineData("""{"matchers":[{"label":"a","regex":"("}]}""", "does not compile")]
    [InlineData("""{"matchers":[{"field":"severity","atLeast":"loud"}]}""", "is not a severity")]
    [InlineData("""{"matchers":[{"label":"a","equals":"x"}],"duration":"forever"}""", "duration must look like")]
    [InlineData("""{"matchers":[{"label":"a","equals":"x"}],"duration":"60d"}""", "at most 30d")]
    public async Task Create_BadRequest_IsRefusedWithTheReasonAndStoresNothing(string json, string reason)
    {
        using var response = await _host.Http.PostAsync("/api/v1/silences", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Empty(_host.Status.Silences.List());
    }

    private static Signal Signal(string entity, Severity severity) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Kind = SignalKind.Alert,
        Entity = entity,
        Indicator = "HighErrorRate",
        Detector = "alertmanager",
        Score = 1,
        Severity = severity,
        Onset = DateTimeOffset.UtcNow,
        Timestamp = DateTimeOffset.UtcNow,
        Fingerprint = "f-" + entity,
        Labels = LabelSet.From(("service.name", entity)),
    };
}
