using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AIOps.Server.Tests.Api;

public sealed class EngineApiTests : IAsyncLifetime
{
    private readonly string _rules = Path.Combine(Path.GetTempPath(), "aiops-rules-" + Guid.NewGuid().ToString("N"));
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_rules);
        await File.WriteAllTextAsync(Path.Combine(_rules, "topology.yaml"), "services:\n  - name: api\n    owner: team-a\n    dependsOn: [db]\n  - name: db\n");
        _host = await ApiHost.StartAsync(null, null, TestIncidents.Create("inc-a", 1));
        _host.Status.RulesDirectory = _rules;
        _host.Status.Topology.AddStatic("api", "db");
    }

    [Fact]
    public async Task RulesReload_EditedTopology_AddsTheNewEdgeToTheRunningGraph()
    {
        await File.WriteAllTextAsync(Path.Combine(_rules, "topology.yaml"), "services:\n  - name: web\n    dependsOn: [api]\n  - name: api\n    dependsOn: [db]\n  - name: db\n");

        using var response = await _host.Http.PostAsync("/api/v1/rules/reload", null);
        using var topology = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/topology"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_host.Status.Topology.Edges(), e => e.Caller == "web" && e.Callee == "api");
        Assert.Contains(topology.RootElement.GetProperty("edges").EnumerateArray(), e => e.GetProperty("caller").GetString() == "web");
    }

    [Fact]
    public async Task RulesReload_BrokenFile_Is422AndKeepsTheGraph()
    {
        await File.WriteAllTextAsync(Path.Combine(_rules, "topology.yaml"), "services:\n  - owner: nobody\n");

        using var response = await _host.Http.PostAsync("/api/v1/rules/reload", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Single(_host.Status.Topology.Edges());
    }

    [Fact]
    public async Task Topology_ShowsOwnersAndEdgeSources()
    {
        using var doc = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/topology"));

        var api = doc.RootElement.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "api");
        Assert.Equal("team-a", api.GetProperty("owner").GetString());
        Assert.Equal("topology.yaml", doc.RootElement.GetProperty("edges")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Metrics_CountIncidentsAndActions()
    {
        await _host.Http.PostAsJsonAsync("/api/v1/incidents/inc-a/acknowledge", new { });

        using var doc = JsonDocument.Parse(await _host.Http.GetStringAsync("/api/v1/metrics"));

        Assert.Equal(1, doc.RootElement.GetProperty("incidentsOpen").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("acknowledgements").GetInt32());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_rules, recursive: true);
    }
}
