using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.RootCause.Incidents;
using AIOps.Server.Api.Actions;

namespace AIOps.Server.Tests.Api;

/// <summary>Acknowledge, resolve, silence, feedback: stored, shown, exported, and used.</summary>
public sealed class ActionApiTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "aiops-act-" + Guid.NewGuid().ToString("N"));
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        var similar = TestIncidents.Create("inc-b", 1) with { FirstSeen = TestIncidents.T0.AddDays(1) };
        var other = TestIncidents.Create("inc-c", 1) with
        {
            Signals = [TestIncidents.Create("x", 1).Signals[0] with { Entity = "web", Indicator = "errors" }],
            Entities = ["web"],
        };
        _host = await ApiHost.StartAsync(null, _dir, TestIncidents.Create("inc-a", 2), similar, other);
    }

    [Fact]
    public async Task Acknowledge_IsExportedWithTheIncident()
    {
        using var created = await _host.Http.PostAsJsonAsync("/api/v1/incidents/inc-a/acknowledge", new { note = "looking" });
        using var doc = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/incidents/inc-a"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var op = doc.RootElement.GetProperty("operator");
        Assert.Equal("acknowledged", op.GetProperty("status").GetString());
        Assert.Equal("looking", op.GetProperty("acknowledged").GetProperty("note").GetString());
        Assert.Equal("db", doc.RootElement.GetProperty("rootCause").GetProperty("candidates")[0].GetProperty("entity").GetString());
    }

    [Fact]
    public async Task Resolve_ShowsResolvedAndLeavesTheOpenList()
    {
        await _host.Http.PostAsync("/api/v1/incidents/inc-a/resolve", null);

        using var open = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/incidents?status=open"));
        using var resolved = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/incidents?status=resolved"));

        Assert.DoesNotContain(open.RootElement.GetProperty("incidents").EnumerateArray(), i => i.GetProperty("id").GetString() == "inc-a");
        Assert.Contains(resolved.RootElement.GetProperty("incidents").EnumerateArray(), i => i.GetProperty("id").GetString() == "inc-a");
    }

    [Fact]
    public async Task Silence_HidesThisAndSimilarIncidentsUntilEnded()
    {
        using var created = await _host.Http.PostAsJsonAsync("/api/v1/incidents/inc-a/silence", new { duration = "2h" });
        var ids = await OpenIdsAsync();
        using var silences = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/silences"));
        var silenceId = silences.RootElement.GetProperty("silences")[0].GetProperty("id").GetString();
        using var ended = await _host.Http.DeleteAsync($"/api/v1/silences/{silenceId}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["inc-c"], ids); // inc-b has the same entity/indicator pattern
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(["inc-a", "inc-b", "inc-c"], (await OpenIdsAsync()).Order());
    }

    [Theory]
    [InlineData("{\"duration\":\"forever\"}")]
    [InlineData("{\"duration\":\"90d\"}")]
    public async Task Silence_BadDuration_IsProblem400(string body)
    {
        using var response = await _host.Http.PostAsync("/api/v1/incidents/inc-a/silence", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Actions.All());
    }

    [Fact]
    public async Task FeedbackNoise_SuppressesSimilarIncidents()
    {
        await _host.Http.PostAsJsonAsync("/api/v1/incidents/inc-a/feedback", new { verdict = "noise" });

        using var noise = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/incidents?status=noise"));

        Assert.Equal(["inc-c"], await OpenIdsAsync());
        Assert.Equal(2, noise.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("{\"verdict\":\"maybe\",\"entity\":\"db\"}")]
    [InlineData("{\"verdict\":\"cause\",\"entity\":\"nope\"}")]
    public async Task Feedback_Invalid_IsProblem400AndRecordsNothing(string body)
    {
        using var response = await _host.Http.PostAsync("/api/v1/incidents/inc-a/feedback", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_host.Actions.All());
    }

    [Fact]
    public async Task Feedback_IsPersistedAndFeedsPriorsAfterRestart()
    {
        await _host.Http.PostAsJsonAsync("/api/v1/incidents/inc-a/feedback", new { verdict = "not-cause", entity = "db" });

        using var reopened = new OperatorActionLog(_dir, TimeProvider.System);
        var priors = new CausePriors();
        reopened.AttachPriors(priors);
        using var listed = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/feedback"));

        var stored = Assert.Single(reopened.All());
        Assert.Equal(FeedbackVerdict.NotCause, stored.Verdict);
        Assert.Equal("latency", stored.Indicator);
        Assert.True(priors.Prior("db", "latency") < 0);
        Assert.Equal(1, listed.RootElement.GetProperty("feedback").GetArrayLength());
    }

    [Fact]
    public async Task Feedback_ThroughTheApi_ReRanksTheNextAnalysisOfTheSamePattern()
    {
        // Two unrelated services break together; "search" shifts a bit more, so evidence alone ranks it first.
        var incident = TwoSuspects();
        await _host.Store.PublishAsync(incident with { RootCause = new SignalRootCauseAnalyzer().Analyze(incident, new DependencyGraph()) }, default);
        var sut = new SignalRootCauseAnalyzer(priors: _host.Priors); // the pipeline's analyzer shares the priors
        var before = sut.Analyze(incident, new DependencyGraph());

        await _host.Http.PostAsJsonAsync("/api/v1/incidents/inc-two/feedback", new { verdict = "not-cause", entity = "search" });
        await _host.Http.PostAsJsonAsync("/api/v1/incidents/inc-two/feedback", new { verdict = "cause", entity = "cache" });
        var after = sut.Analyze(incident with { Id = "inc-next" }, new DependencyGraph());

        Assert.Equal("search", before.Candidates[0].Entity);
        Assert.Equal("cache", after.Candidates[0].Entity);
        Assert.Contains("operators confirmed", after.Candidates[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_UnknownIncident_IsProblem404()
    {
        using var response = await _host.Http.PostAsync("/api/v1/incidents/nope/acknowledge", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<string>> OpenIdsAsync()
    {
        using var doc = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/incidents?status=open"));
        return [.. doc.RootElement.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }

    private static Incident TwoSuspects()
    {
        var template = TestIncidents.Create("x", 1).Signals[0];
        Signal Anomaly(string entity, double deviation) => template with { Id = $"s-{entity}", Entity = entity, Indicator = "latency", Deviation = deviation, Observed = 10, Expected = 1, Fingerprint = $"a:{entity}" };
        return TestIncidents.Create("inc-two", 1) with { Entities = ["search", "cache"], Signals = [Anomaly("search", 8), Anomaly("cache", 7)] };
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
