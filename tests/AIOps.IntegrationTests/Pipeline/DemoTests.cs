using System.Text.Json;
using AIOps.Server.Demo;

namespace AIOps.IntegrationTests.Pipeline;

/// <summary>`aiops demo --json`: the injected entity must be the top-ranked cause.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task DemoJson_NamesInjectedEntityFirst()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await DemoRunner.RunAsync(json: true, stdout, stderr, CancellationToken.None);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout.ToString());
        var injected = doc.RootElement.GetProperty("injectedFault").GetProperty("entity").GetString();
        var open = doc.RootElement.GetProperty("incidents").EnumerateArray()
            .Where(i => i.GetProperty("status").GetString() == "open" && !i.TryGetProperty("mergedInto", out _))
            .ToList();
        var incident = Assert.Single(open);
        var top = incident.GetProperty("rootCause").GetProperty("candidates")[0];
        Assert.Equal(injected, top.GetProperty("entity").GetString());
        Assert.NotEqual(0, top.GetProperty("evidence").GetArrayLength());
        Assert.Equal(0, doc.RootElement.GetProperty("deadLetters").GetInt64());
    }
}
