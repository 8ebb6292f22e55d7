using AIOps.Server.Api.Security;
using AIOps.Server.Options;

namespace AIOps.Server.Tests.Api.Security;

public sealed class TokenAuthenticatorTests
{
    private static readonly ApiOptions Options = new()
    {
        Tokens = [new ApiTokenOptions { Name = "r", Token = "reader-0123456789abcdef", Scopes = ["read"] }, new ApiTokenOptions { Name = "w", Token = "writer-0123456789abcdef", Scopes = ["write"] }],
    };

    [Theory]
    [InlineData(null, "read", AuthOutcome.Missing)]
    [InlineData("Basic abc", "read", AuthOutcome.Missing)]
    [InlineData("Bearer reader-0123456789abcdeX", "read", AuthOutcome.Invalid)]
    [InlineData("Bearer reader-0123456789abcdef", "read", AuthOutcome.Allowed)]
    [InlineData("Bearer reader-0123456789abcdef", "write", AuthOutcome.Forbidden)]
    [InlineData("bearer writer-0123456789abcdef", "read", AuthOutcome.Allowed)]
    [InlineData("Bearer writer-0123456789abcdef", "write", AuthOutcome.Allowed)]
    public void Authenticate_HeaderAndScope_GivesOutcome(string? header, string scope, AuthOutcome expected)
    {
        var sut = new TokenAuthenticator(Options);

        Assert.Equal(expected, sut.Authenticate(header, scope).Outcome);
    }

    [Fact]
    public void Create_NoTokens_IsOpen() => Assert.True(new TokenAuthenticator(new ApiOptions()).IsOpen);

    [Theory]
    [InlineData("short", "read")]
    [InlineData("long-enough-0123456789", "admin")]
    public void Create_BadToken_FailsAtStartWithClearMessage(string token, string scope)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new TokenAuthenticator(new ApiOptions { Tokens = [new ApiTokenOptions { Token = token, Scopes = [scope] }] }));

        Assert.Contains("Api.Tokens[0]", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080", true)]
    [InlineData("http://*:9000;http://localhost:9001", "http://127.0.0.1:9000;http://localhost:9001", true)]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080", false)]
    public void LoopbackOnly_OpenApi_RewritesNonLoopbackHosts(string urls, string expected, bool changed)
    {
        Assert.Equal(expected, OpenApiBinding.LoopbackOnly(urls, out var didChange));
        Assert.Equal(changed, didChange);
    }
}
