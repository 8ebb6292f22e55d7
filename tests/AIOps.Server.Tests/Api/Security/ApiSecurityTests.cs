using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AIOps.Server.Options;

namespace AIOps.Server.Tests.Api.Security;

/// <summary>Bearer tokens on the real listener: refused requests are problem+json and change nothing.</summary>
public sealed class ApiSecurityTests : IAsyncLifetime
{
    private const string ReadToken = "read-token-0123456789abcdef";
    private const string WriteToken = "write-token-0123456789abcdef";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "aiops-sec-" + Guid.NewGuid().ToString("N"));
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var tokenFile = Path.Combine(_dir, "writer.token");
        await File.WriteAllTextAsync(tokenFile, WriteToken + "\n");
        var options = new ApiOptions
        {
            Tokens =
            [
                new ApiTokenOptions { Name = "dashboards", Token = ReadToken, Scopes = ["read"] },
                new ApiTokenOptions { Name = "oncall", TokenFile = tokenFile, Scopes = ["read", "write"] },
            ],
        };
        _host = await ApiHost.StartAsync(options, _dir, TestIncidents.Create("inc-a", 2));
    }

    [Fact]
    public async Task List_WithoutToken_Is401ProblemWithBearerChallenge()
    {
        using var response = await _host.Http.GetAsync("/api/v1/incidents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_WrongToken_Is401AndRecordsNothing()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/incidents/inc-a/acknowledge", "wrong-token-0123456789abcdef", new { note = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_host.Actions.All());
        Assert.Equal(0, new FileInfo(Path.Combine(_dir, "actions.jsonl")).Length);
    }

    [Theory]
    [InlineData("/api/v1/incidents/inc-a/feedback")]
    [InlineData("/api/v1/incidents/inc-a/acknowledge")]
    [InlineData("/api/v1/incidents/inc-a/silence")]
    [InlineData("/api/v1/rules/reload")]
    public async Task WriteEndpoint_ReadToken_Is403AndChangesNothing(string path)
    {
        using var response = await SendAsync(HttpMethod.Post, path, ReadToken, new { verdict = "not-cause", entity = "db", duration = "1h" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_host.Actions.All());
        Assert.Equal(0, _host.Priors.Prior("db", "latency"));
    }

    [Fact]
    public async Task List_ReadToken_IsAllowed()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/v1/incidents", ReadToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Feedback_WriteTokenFromFile_IsRecordedUnderTheTokenName()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/incidents/inc-a/feedback", WriteToken, new { verdict = "cause", entity = "db" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var action = Assert.Single(_host.Actions.All());
        Assert.Equal("oncall", action.Actor);
        Assert.True(_host.Priors.Prior("db", "latency") > 0);
        Assert.DoesNotContain(WriteToken, await File.ReadAllTextAsync(Path.Combine(_dir, "actions.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthAndConsole_NeedNoToken()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/openapi/v1.json")).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _host.Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
