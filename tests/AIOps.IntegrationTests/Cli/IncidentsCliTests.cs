using AIOps.IntegrationTests.Support;

namespace AIOps.IntegrationTests.Cli;

/// <summary>`aiops incidents` against a real `aiops serve` that requires a token.</summary>
public sealed class IncidentsCliTests : IDisposable
{
    private const string Token = "cli-test-token-0123456789abcdef";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "aiops-cli-tok-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task List_TokenRequired_RefusedWithoutAcceptedWithTokenOrVariable()
    {
        Directory.CreateDirectory(_data);
        var tokenFile = Path.Combine(_data, "oncall.token");
        await File.WriteAllTextAsync(tokenFile, Token);
        await using var serve = AiopsProcess.Start("serve", "--urls", AiopsProcess.AnyLoopbackPort, "--data", _data, "--api-token-file", tokenFile);
        var url = await serve.WaitForApiUrlAsync(TimeSpan.FromSeconds(60));
        await serve.WaitForLineAsync(l => l.StartsWith("API access: bearer token required", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var without = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "incidents", "list", "--url", url);
        var withToken = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "incidents", "list", "--url", url, "--token", Token);
        var json = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "incidents", "list", "--url", url, "--token", Token, "--json");
        var ack = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "incidents", "ack", "inc-missing", "--url", url, "--token", "wrong-token-0123456789abcdef");

        Assert.Equal(1, without.ExitCode);
        Assert.Contains("401 unauthorized", without.Stderr, StringComparison.Ordinal);
        Assert.Contains("AIOPS_TOKEN", without.Stderr, StringComparison.Ordinal);
        Assert.True(withToken.ExitCode == 0, withToken.Stderr);
        Assert.Contains("No incidents match.", withToken.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', withToken.Stdout);
        Assert.StartsWith("{\"incidents\":[]", json.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, ack.ExitCode);
        Assert.Contains("401", ack.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("incidents", "list")]
    [InlineData("incidents", "show")]
    [InlineData("incidents", "watch")]
    [InlineData("incidents", "feedback")]
    [InlineData("replay")]
    [InlineData("serve")]
    [InlineData("demo")]
    public async Task Help_EverySubcommand_ExplainsWithAnExample(params string[] command)
    {
        var (exit, stdout, _) = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), [.. command, "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("Example", stdout, StringComparison.Ordinal);
        Assert.Contains("aiops " + command[0], stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
