using System.CommandLine;
using System.Text.Json;
using AIOps.Cli;

namespace AIOps.IntegrationTests.Cli;

/// <summary>`aiops config show` through the real command line: file, then flags; secrets masked; problems exit 2.</summary>
public sealed class ConfigShowTests : IDisposable
{
    private const string Secret = "topsecret-5d0c";
    private readonly string _dir = Directory.CreateTempSubdirectory("aiops-cli-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ConfigShow_FileAndFlags_FlagsWinUnsetFlagsKeepTheFileAndSecretsAreMasked()
    {
        var file = Path.Combine(_dir, "appsettings.json");
        await File.WriteAllTextAsync(file, $$"""
            { "Kafka": { "BootstrapServers": "file:9092", "GroupId": "file-group", "ClientConfig": { "sasl.password": "{{Secret}}" } },
              "Urls": "http://0.0.0.0:9000", "DataDirectory": "/srv/aiops" }
            """);

        var (exit, output, error) = await RunAsync("config", "show", "--config", file, "--kafka", "flag:9092", "--set", "Kafka:GroupId=set-group", "--set", "Correlation:Window=00:02:00");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var kafka = json.RootElement.GetProperty("Kafka");
        Assert.Equal("flag:9092", kafka.GetProperty("BootstrapServers").GetString());
        Assert.Equal("set-group", kafka.GetProperty("GroupId").GetString());
        Assert.Equal("***", kafka.GetProperty("ClientConfig").GetProperty("sasl.password").GetString());
        Assert.Equal("http://0.0.0.0:9000", json.RootElement.GetProperty("Urls").GetString()); // no --urls: the file's value stands
        Assert.Equal("/srv/aiops", json.RootElement.GetProperty("DataDirectory").GetString());
        Assert.Equal("00:02:00", json.RootElement.GetProperty("Correlation").GetProperty("Window").GetString());
    }

    [Fact]
    public async Task ConfigShow_InvalidSettings_ExitsTwoListingEveryProblem()
    {
        var (exit, output, error) = await RunAsync("config", "show", "--urls", "nope", "--set", "Detection:CalmPointsToEnd=0", "--log-format", "xml");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Urls: 'nope'", error, StringComparison.Ordinal);
        Assert.Contains("Detection:CalmPointsToEnd", error, StringComparison.Ordinal);
        Assert.Contains("Telemetry:LogFormat: 'xml'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_InvalidSettings_ExitsTwoBeforeStarting()
    {
        var (exit, _, error) = await RunAsync("serve", "--set", "Kafka:DlqTopic=telemetry.logs", "--data", Path.Combine(_dir, "data"));

        Assert.Equal(2, exit);
        Assert.Contains("Kafka:DlqTopic", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AiopsCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
