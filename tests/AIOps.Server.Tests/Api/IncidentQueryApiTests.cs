using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Server.Api;

namespace AIOps.Server.Tests.Api;

/// <summary>Pages, filters, ETags, the live stream and the OpenAPI document.</summary>
public sealed class IncidentQueryApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        var incidents = Enumerable.Range(0, 7).Select(i => TestIncidents.Create($"inc-{i}", 1) with
        {
            Severity = i % 2 == 0 ? Severity.Critical : Severity.Warning,
            Entities = i < 3 ? ["db", "api"] : ["web"],
            FirstSeen = TestIncidents.T0.AddHours(i),
            LastSeen = TestIncidents.T0.AddHours(i).AddMinutes(10),
        });
        var merged = TestIncidents.Create("inc-merged", 2) with { Status = IncidentStatus.Resolved, MergedInto = "inc-0", FirstSeen = TestIncidents.T0, LastSeen = TestIncidents.T0.AddMinutes(5) };
        _host = await ApiHost.StartAsync(null, null, [.. incidents, merged]);
    }

    [Fact]
    public async Task List_LimitAndOffset_PagesThroughAll()
    {
        var seen = new List<string>();
        int? offset = 0;
        while (offset is { } o)
        {
            using var page = await GetJsonAsync($"/api/v1/incidents?limit=3&offset={o}");
            Assert.Equal(7, page.RootElement.GetProperty("total").GetInt32());
            seen.AddRange(page.RootElement.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            offset = page.RootElement.GetProperty("nextOffset").ValueKind == JsonValueKind.Null ? null : page.RootElement.GetProperty("nextOffset").GetInt32();
        }

        Assert.Equal(7, seen.Distinct().Count());
        Assert.Equal("inc-6", seen[0]); // newest first
    }

    [Theory]
    [InlineData("severity=critical", 4)]
    [InlineData("severity=warning", 7)]
    [InlineData("service=db", 3)]
    [InlineData("service=web&severity=critical", 2)]
    [InlineData("from=2026-11-27T15:00:00Z", 4)]
    [InlineData("from=2026-11-27T13:00:00Z&to=2026-11-27T14:30:00Z", 2)]
    [InlineData("q=inc-5", 1)]
    [InlineData("status=resolved", 0)]
    [InlineData("", 7)] // the incident merged into inc-0 is history, not a problem of its own
    [InlineData("merged=true", 8)]
    [InlineData("status=all", 8)]
    [InlineData("status=all&merged=false", 7)]
    public async Task List_Filter_ReturnsMatching(string query, int expected)
    {
        using var page = await GetJsonAsync($"/api/v1/incidents?{query}");

        Assert.Equal(expected, page.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("severity=loud")]
    [InlineData("from=yesterday")]
    [InlineData("limit=0")]
    public async Task List_BadFilter_IsProblem400(string query)
    {
        using var response = await _host.Http.GetAsync($"/api/v1/incidents?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_IfNoneMatchCurrentETag_Is304UntilANewVersionOrAction()
    {
        using var first = await _host.Http.GetAsync("/api/v1/incidents/inc-1");
        var etag = first.Headers.ETag!;

        using var again = await GetWithETagAsync(etag);
        await _host.Store.PublishAsync(TestIncidents.Create("inc-1", 2), default);
        using var afterVersion = await GetWithETagAsync(etag);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterVersion.StatusCode);
        Assert.NotEqual(etag, afterVersion.Headers.ETag);
    }

    [Fact]
    public async Task Stream_NewVersionStored_SendsIncidentEvent()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _host.Http.GetAsync("/api/v1/incidents/stream", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        Assert.Equal("retry: 2000", await reader.ReadLineAsync(cts.Token));

        await _host.Store.PublishAsync(TestIncidents.Create("inc-new", 1), default);

        string? line;
        while ((line = await reader.ReadLineAsync(cts.Token)) is not null && !line.StartsWith("data: {\"id\":\"inc-new\"", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        Assert.Contains("\"topCause\":\"db\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observations_NewVersions_AddTheSignalsLaterObservations()
    {
        var v1 = TestIncidents.Create("inc-obs", 1);
        var later = v1.Signals[0] with { Timestamp = TestIncidents.T0.AddMinutes(2), Observed = 42 };
        await _host.Store.PublishAsync(v1, default);
        await _host.Store.PublishAsync(v1 with { Version = 2, Signals = [later] }, default);
        await _host.Store.PublishAsync(v1 with { Version = 3, Signals = [later] }, default); // same observation: no new point

        using var doc = await GetJsonAsync("/api/v1/incidents/inc-obs/observations");

        var series = Assert.Single(doc.RootElement.GetProperty("series").EnumerateArray());
        Assert.Equal("latency", series.GetProperty("indicator").GetString());
        Assert.Equal([0.0, 42.0], series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("v").GetDouble()));
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryEndpointWithBearerScheme()
    {
        using var doc = await GetJsonAsync("/openapi/v1.json");
        var paths = doc.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/incidents/stream", "/api/v1/incidents/{id}/acknowledge", "/api/v1/incidents/{id}/resolve", "/api/v1/incidents/{id}/silence", "/api/v1/incidents/{id}/feedback", "/api/v1/silences", "/api/v1/feedback", "/api/v1/topology", "/api/v1/rules/reload", "/api/v1/metrics", "/healthz" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }

        Assert.Equal("bearer", doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Console_IsServedWithItsAssets()
    {
        using var index = await _host.Http.GetAsync("/");
        var html = await index.Content.ReadAsStringAsync();

        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("app.js", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/app.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/docs")).StatusCode);
    }

    private async Task<HttpResponseMessage> GetWithETagAsync(EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents/inc-1");
        request.Headers.IfNoneMatch.Add(etag);
        return await _host.Http.SendAsync(request);
    }

    private async Task<JsonDocument> GetJsonAsync(string path) => JsonDocument.Parse(await _host.Http.GetStringAsync(path));

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
