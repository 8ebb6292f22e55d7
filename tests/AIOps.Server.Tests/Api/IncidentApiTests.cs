using System.Net;
using System.Text.Json;
using AIOps.Server.Hosting;
using AIOps.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AIOps.Server.Tests.Api;

/// <summary>The API on a real Kestrel listener (loopback, free port).</summary>
public sealed class IncidentApiTests : IAsyncLifetime
{
    private readonly MemoryIncidentStore _store = new();
    private WebApplication? _app;
    private HttpClient _http = new();

    public async Task InitializeAsync()
    {
        await _store.PublishAsync(TestIncidents.Create("inc-a", 2), default);
        await _store.PublishAsync(TestIncidents.Create("inc-b", 1, Core.Model.IncidentStatus.Resolved), default);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = ServeHost.BuildApp(builder, _store, out _);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    [Fact]
    public async Task List_WithStatusFilter_ReturnsOnlyMatching()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/incidents?status=open"));

        var incidents = doc.RootElement.GetProperty("incidents");
        Assert.Equal(1, incidents.GetArrayLength());
        Assert.Equal("inc-a", incidents[0].GetProperty("id").GetString());
        Assert.Equal("open", incidents[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rca_KnownIncident_ReturnsRankedCandidates()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/incidents/inc-a/rca"));

        Assert.Equal(2, doc.RootElement.GetProperty("version").GetInt64());
        Assert.Equal("db", doc.RootElement.GetProperty("report").GetProperty("candidates")[0].GetProperty("entity").GetString());
    }

    [Fact]
    public async Task Get_UnknownIncident_IsProblem404()
    {
        using var response = await _http.GetAsync("/api/v1/incidents/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_BadStatus_IsProblem400()
    {
        using var response = await _http.GetAsync("/api/v1/incidents?status=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_IsOk() =>
        Assert.Contains("\"ok\"", await _http.GetStringAsync("/healthz"), StringComparison.Ordinal);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
