using System.Text.Json;
using AIOps.Cli.Rendering;

namespace AIOps.IntegrationTests.Cli;

public sealed class IncidentRenderingTests
{
    private const string Incident = """
        {"id":"inc-1","version":3,"status":"open","title":"latency anomaly on db","severity":"critical","entities":["api","db"],
         "signals":[{}],"firstSeen":"2026-11-27T12:00:00Z","lastSeen":"2026-11-27T12:05:00Z",
         "rootCause":{"onset":"2026-11-27T12:00:00Z","method":"t","candidates":[
           {"entity":"db","indicator":"latency","score":0.9,"confidence":"high","explanation":"db: went wrong first [really].","evidence":[{"kind":"shift","description":"latency: 4 -> 40"}]},
           {"entity":"api","indicator":"errors","score":0.5,"confidence":"low","explanation":"api: later.","evidence":[]}]},
         "operator":{"status":"acknowledged","actions":[{"id":"a","kind":"feedback","incidentId":"inc-1","at":"2026-11-27T12:06:00Z","actor":"oncall","verdict":"cause","entity":"db","indicator":"latency"}],"feedback":[]}}
        """;

    [Fact]
    public void Detail_Redirected_IsPlainTreeWithRankedCausesAndActions()
    {
        using var writer = new StringWriter();
        var console = CliConsole.Create(writer, redirected: true);
        using var doc = JsonDocument.Parse(Incident);

        console.Write(IncidentRendering.Detail(doc.RootElement));

        var text = writer.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("1. db latency", text, StringComparison.Ordinal);
        Assert.Contains("2. api errors", text, StringComparison.Ordinal);
        Assert.Contains("db: went wrong first [really].", text, StringComparison.Ordinal); // markup in data is escaped
        Assert.Contains("shift: latency: 4 -> 40", text, StringComparison.Ordinal);
        Assert.Contains("oncall said db was the cause", text, StringComparison.Ordinal);
    }

    [Fact]
    public void List_Redirected_IsPlainTableWithTopCauseAndOperatorStatus()
    {
        using var writer = new StringWriter();
        var console = CliConsole.Create(writer, redirected: true);
        using var doc = JsonDocument.Parse(Incident);

        console.Write(IncidentRendering.List([doc.RootElement], new DateTimeOffset(2026, 11, 27, 12, 30, 0, TimeSpan.Zero)));

        var text = writer.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("acknowledged", text, StringComparison.Ordinal);
        Assert.Contains("inc-1 v3", text, StringComparison.Ordinal);
        Assert.Contains("30 min", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_Terminal_UsesColour()
    {
        using var writer = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.Yes,
            ColorSystem = Spectre.Console.ColorSystemSupport.TrueColor,
            Out = new Spectre.Console.AnsiConsoleOutput(writer),
        });
        using var doc = JsonDocument.Parse(Incident);

        console.Write(IncidentRendering.Detail(doc.RootElement));

        Assert.Contains('\u001b', writer.ToString());
    }
}
