using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace AIOps.Cli.Rendering;

/// <summary>Incidents as the API returns them (with "operator") rendered as a Spectre table and tree.</summary>
internal static class IncidentRendering
{
    public static Table List(IEnumerable<JsonElement> incidents, DateTimeOffset now)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Severity").AddColumn("Status").AddColumn("Incident").AddColumn("Services").AddColumn("Top cause").AddColumn(new TableColumn("Age").RightAligned());
        foreach (var i in incidents)
        {
            var top = TopCause(i);
            var entities = i.GetProperty("entities").EnumerateArray().Select(e => e.GetString()!).ToList();
            table.AddRow(
                new Markup(Severity(i.GetProperty("severity").GetString()!)),
                new Markup(Status(Operator(i))),
                new Markup($"[bold]{Esc(i.GetProperty("title").GetString())}[/]\n[grey]{Esc(i.GetProperty("id").GetString())} v{i.GetProperty("version").GetInt64()}[/]"),
                new Markup(string.Join(", ", entities.Select(e => top is { } t && t.GetProperty("entity").GetString() == e ? $"[red bold]{Esc(e)}[/]" : Esc(e)))),
                new Markup(top is { } c ? $"[red bold]{Esc(c.GetProperty("entity").GetString())}[/]\n[grey]{Esc(c.GetProperty("indicator").GetString())}, {c.GetProperty("confidence").GetString()}[/]" : "[grey]-[/]"),
                new Text(Age(now - i.GetProperty("firstSeen").GetDateTimeOffset())));
        }

        return table;
    }

    public static Tree Detail(JsonElement i, int maxCandidates = 5)
    {
        var tree = new Tree(new Markup($"{Severity(i.GetProperty("severity").GetString()!)} {Status(Operator(i))} [bold]{Esc(i.GetProperty("title").GetString())}[/]  [grey]{Esc(i.GetProperty("id").GetString())} v{i.GetProperty("version").GetInt64()}[/]"));
        tree.AddNode(new Markup($"[grey]started[/] {i.GetProperty("firstSeen").GetDateTimeOffset().UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, [grey]services[/] {Esc(string.Join(", ", i.GetProperty("entities").EnumerateArray().Select(e => e.GetString())))}, [grey]signals[/] {i.GetProperty("signals").GetArrayLength()}"));

        if (i.TryGetProperty("rootCause", out var report) && report.GetProperty("candidates").GetArrayLength() > 0)
        {
            var causes = tree.AddNode(new Markup("[bold]Ranked causes[/]"));
            var rank = 1;
            foreach (var c in report.GetProperty("candidates").EnumerateArray().Take(maxCandidates))
            {
                var name = rank == 1 ? $"[red bold]{Esc(c.GetProperty("entity").GetString())}[/]" : $"[bold]{Esc(c.GetProperty("entity").GetString())}[/]";
                var node = causes.AddNode(new Markup($"{rank}. {name} [grey]{Esc(c.GetProperty("indicator").GetString())}[/]  score {c.GetProperty("score").GetDouble().ToString("0.00", CultureInfo.InvariantCulture)} ({c.GetProperty("confidence").GetString()} confidence)"));
                node.AddNode(new Markup(Esc(c.GetProperty("explanation").GetString())));
                foreach (var e in c.GetProperty("evidence").EnumerateArray())
                {
                    node.AddNode(new Markup($"[grey]{e.GetProperty("kind").GetString()}:[/] {Esc(e.GetProperty("description").GetString())}"));
                }

                rank++;
            }
        }

        if (i.TryGetProperty("operator", out var op) && op.GetProperty("actions").GetArrayLength() > 0)
        {
            var actions = tree.AddNode(new Markup("[bold]Operator activity[/]"));
            foreach (var a in op.GetProperty("actions").EnumerateArray())
            {
                actions.AddNode(new Markup(Esc(DescribeAction(a))));
            }
        }

        return tree;
    }

    public static string DescribeAction(JsonElement a)
    {
        var kind = a.GetProperty("kind").GetString();
        var who = a.GetProperty("actor").GetString();
        var at = a.GetProperty("at").GetDateTimeOffset().UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var what = kind switch
        {
            "feedback" when a.TryGetProperty("entity", out var e) => $"said {e.GetString()} {(a.GetProperty("verdict").GetString() == "cause" ? "was" : "was not")} the cause",
            "feedback" => "marked it as noise",
            "silence" => $"silenced similar incidents until {a.GetProperty("until").GetDateTimeOffset().UtcDateTime:yyyy-MM-dd HH:mm} UTC",
            "acknowledge" => "acknowledged",
            "resolve" => "resolved",
            _ => kind,
        };
        return $"{at} {who} {what}";
    }

    private static JsonElement? TopCause(JsonElement i) =>
        i.TryGetProperty("rootCause", out var r) && r.GetProperty("candidates").GetArrayLength() > 0 ? r.GetProperty("candidates")[0] : null;

    private static string Operator(JsonElement i) =>
        i.TryGetProperty("operator", out var op) ? op.GetProperty("status").GetString()! : i.GetProperty("status").GetString()!;

    private static string Severity(string severity) => severity switch
    {
        "critical" => "[white on red] CRITICAL [/]",
        "error" => "[black on darkorange] ERROR [/]",
        "warning" => "[black on yellow] WARNING [/]",
        _ => $"[black on grey] {severity.ToUpperInvariant()} [/]",
    };

    private static string Status(string status) => status switch
    {
        "open" => "[red]open[/]",
        "acknowledged" => "[blue]acknowledged[/]",
        "resolved" => "[green]resolved[/]",
        _ => $"[grey]{status}[/]",
    };

    private static string Age(TimeSpan age) => age.TotalMinutes < 1 ? $"{Math.Max(0, age.TotalSeconds):0} s"
        : age.TotalHours < 1 ? $"{age.TotalMinutes:0} min"
        : age.TotalDays < 1 ? $"{age.TotalHours:0.#} h"
        : $"{age.TotalDays:0} d";

    private static string Esc(string? text) => Markup.Escape(text ?? string.Empty);
}
