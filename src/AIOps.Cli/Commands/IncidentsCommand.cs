using System.CommandLine;
using System.Text.Json;
using AIOps.Cli.Rendering;
using AIOps.Server.Options;
using Spectre.Console;

namespace AIOps.Cli.Commands;

/// <summary>`aiops incidents`: query and act on a running engine through its HTTP API.</summary>
internal static class IncidentsCommand
{
    private static readonly Option<string> Url = new("--url") { Description = "Base URL of a running `aiops serve`.", DefaultValueFactory = _ => EngineDefaults.Urls, Recursive = true };
    private static readonly Option<string?> Token = new("--token") { Description = $"Bearer token for the API (default: ${ApiClient.TokenVariable}).", Recursive = true };
    private static readonly Option<bool> Json = new("--json") { Description = "Print the API's JSON instead of a table or tree.", Recursive = true };

    public static Command Create()
    {
        var command = new Command("incidents", """
            Query and act on incidents of a running engine (its HTTP API). Colours on a terminal, plain text in pipes.
            Examples:
              aiops incidents list --status open --severity error
              aiops incidents show inc-3f2a9c1d0b7e
              aiops incidents watch
              AIOPS_TOKEN=... aiops incidents ack inc-3f2a9c1d0b7e --note "on it"
            """);
        command.Options.Add(Url);
        command.Options.Add(Token);
        command.Options.Add(Json);
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Watch());
        command.Subcommands.Add(Act("ack", "acknowledge", "Acknowledge an incident (someone is on it). Example: aiops incidents ack inc-3f2a9c1d0b7e --note \"on it\""));
        command.Subcommands.Add(Act("resolve", "resolve", "Resolve an incident by hand. Example: aiops incidents resolve inc-3f2a9c1d0b7e"));
        command.Subcommands.Add(Silence());
        command.Subcommands.Add(Feedback());
        return command;
    }

    private static Command List()
    {
        var status = new Option<string?>("--status") { Description = "open (open or acknowledged), acknowledged, silenced, noise, resolved or all (default: everything not silenced or noise)." };
        var severity = new Option<string?>("--severity") { Description = "Minimum severity: warning, error or critical." };
        var service = new Option<string?>("--service") { Description = "Only incidents affecting this service." };
        var search = new Option<string?>("--search") { Description = "Text in the id, title, services or top cause." };
        var limit = new Option<int>("--limit") { Description = "Page size (1..1000).", DefaultValueFactory = _ => 50 };
        var offset = new Option<int>("--offset") { Description = "Skip this many (paging).", DefaultValueFactory = _ => 0 };
        var list = new Command("list", """
            List incidents, newest first, as a table: severity, status, title, services, top cause, age.
            Examples:
              aiops incidents list --status open
              aiops incidents list --service payments --severity error --json | jq '.incidents[].id'
            """);
        foreach (var option in new Option[] { status, severity, service, search, limit, offset })
        {
            list.Options.Add(option);
        }

        list.SetAction(async (parse, cancellationToken) =>
        {
            var query = new List<string> { $"limit={parse.GetValue(limit)}", $"offset={parse.GetValue(offset)}" };
            AddQuery(query, "status", parse.GetValue(status));
            AddQuery(query, "severity", parse.GetValue(severity));
            AddQuery(query, "service", parse.GetValue(service));
            AddQuery(query, "q", parse.GetValue(search));
            using var api = Client(parse);
            var body = await api.SendAsync(HttpMethod.Get, $"/api/v1/incidents?{string.Join('&', query)}", null, cancellationToken);
            if (body is null)
            {
                return 1;
            }

            if (parse.GetValue(Json))
            {
                Console.WriteLine(body);
                return 0;
            }

            using var page = JsonDocument.Parse(body);
            var incidents = page.RootElement.GetProperty("incidents").EnumerateArray().ToList();
            var console = CliConsole.Out();
            if (incidents.Count == 0)
            {
                console.MarkupLine("[grey]No incidents match.[/]");
                return 0;
            }

            console.Write(IncidentRendering.List(incidents, DateTimeOffset.UtcNow));
            var total = page.RootElement.GetProperty("total").GetInt32();
            console.MarkupLine($"[grey]{incidents.Count} of {total} shown{(total > incidents.Count ? "; more with --offset" : string.Empty)}[/]");
            return 0;
        });
        return list;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "Incident id (inc-...)." };
        var show = new Command("show", """
            Show one incident as a tree: its ranked causes with explanation and evidence, and what operators did.
            Examples:
              aiops incidents show inc-3f2a9c1d0b7e
              aiops incidents show inc-3f2a9c1d0b7e --json | jq '.rootCause.candidates[0]'
            """);
        show.Arguments.Add(id);
        show.SetAction(async (parse, cancellationToken) =>
        {
            using var api = Client(parse);
            var body = await api.SendAsync(HttpMethod.Get, $"/api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}", null, cancellationToken);
            if (body is null)
            {
                return 1;
            }

            if (parse.GetValue(Json))
            {
                Console.WriteLine(body);
                return 0;
            }

            using var doc = JsonDocument.Parse(body);
            CliConsole.Out().Write(IncidentRendering.Detail(doc.RootElement));
            return 0;
        });
        return show;
    }

    private static Command Watch()
    {
        var watch = new Command("watch", """
            Follow incidents live (the API's server-sent events): one line per new incident version or operator action.
            Ctrl+C to stop. With --json, one JSON object per line: {"event":"incident"|"action","data":{...}}.
            Example:
              aiops incidents watch --url http://aiops:8080
            """);
        watch.SetAction(async (parse, cancellationToken) =>
        {
            using var api = Client(parse, Timeout.InfiniteTimeSpan);
            var console = CliConsole.Out();
            var json = parse.GetValue(Json);
            try
            {
                using var response = await api.Http.GetAsync("/api/v1/incidents/stream", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    await Console.Error.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    return 1;
                }

                if (!json)
                {
                    console.MarkupLine($"[grey]watching {Markup.Escape(api.BaseUrl)} (Ctrl+C to stop)[/]");
                }

                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
                string? type = null;
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        type = line[7..];
                    }
                    else if (line.StartsWith("data: ", StringComparison.Ordinal) && type is "incident" or "action")
                    {
                        WriteEvent(console, type, line[6..], json);
                        type = null;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (HttpRequestException ex)
            {
                await Console.Error.WriteLineAsync($"cannot reach {api.BaseUrl}: {ex.Message}");
                return 1;
            }

            return 0;
        });
        return watch;
    }

    private static void WriteEvent(IAnsiConsole console, string type, string data, bool json)
    {
        if (json)
        {
            Console.WriteLine($"{{\"event\":\"{type}\",\"data\":{data}}}");
            return;
        }

        using var doc = JsonDocument.Parse(data);
        var e = doc.RootElement;
        var now = DateTime.UtcNow.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        if (type == "incident")
        {
            var cause = e.TryGetProperty("topCause", out var c) ? $" top cause [red bold]{Markup.Escape(c.GetString() ?? "-")}[/]" : string.Empty;
            console.MarkupLine($"[grey]{now}[/] [bold]{Markup.Escape(e.GetProperty("id").GetString()!)}[/] v{e.GetProperty("version").GetInt64()} {e.GetProperty("status").GetString()} {e.GetProperty("severity").GetString()} [grey]{Markup.Escape(e.GetProperty("change").GetString() ?? string.Empty)}[/]{cause}: {Markup.Escape(e.GetProperty("title").GetString()!)}");
        }
        else
        {
            console.MarkupLine($"[grey]{now}[/] [blue]{Markup.Escape(e.GetProperty("incidentId").GetString()!)}[/] {Markup.Escape(IncidentRendering.DescribeAction(e))}");
        }
    }

    private static Command Act(string name, string endpoint, string description)
    {
        var id = new Argument<string>("id") { Description = "Incident id (inc-...)." };
        var note = new Option<string?>("--note") { Description = "Why (stored with the action)." };
        var command = new Command(name, description + " Needs a token with the write scope when the API has tokens.");
        command.Arguments.Add(id);
        command.Options.Add(note);
        command.SetAction((parse, cancellationToken) => PostAsync(parse, parse.GetValue(id)!, endpoint, new { note = parse.GetValue(note) }, cancellationToken));
        return command;
    }

    private static Command Silence()
    {
        var id = new Argument<string>("id") { Description = "Incident id (inc-...)." };
        var duration = new Option<string>("--for") { Description = "How long: 30m, 2h, 1d (at most 30d).", DefaultValueFactory = _ => "1h" };
        var note = new Option<string?>("--note") { Description = "Why (stored with the silence)." };
        var command = new Command("silence", """
            Silence this incident and similar ones (half or more of the same entity/indicator pairs) for a while.
            Example:
              aiops incidents silence inc-3f2a9c1d0b7e --for 2h --note "planned maintenance"
            """);
        command.Arguments.Add(id);
        command.Options.Add(duration);
        command.Options.Add(note);
        command.SetAction((parse, cancellationToken) => PostAsync(parse, parse.GetValue(id)!, "silence", new { duration = parse.GetValue(duration), note = parse.GetValue(note) }, cancellationToken));
        return command;
    }

    private static Command Feedback()
    {
        var id = new Argument<string>("id") { Description = "Incident id (inc-...)." };
        var verdict = new Option<string>("--verdict") { Description = "cause, not-cause (about --entity) or noise (about the whole incident).", Required = true };
        verdict.AcceptOnlyFromAmong("cause", "not-cause", "noise");
        var entity = new Option<string?>("--entity") { Description = "The candidate judged (a cause in the incident's report)." };
        var note = new Option<string?>("--note") { Description = "Why." };
        var command = new Command("feedback", """
            Tell the engine what the cause was: future incidents with the same pattern rank it accordingly;
            noise suppresses similar incidents.
            Examples:
              aiops incidents feedback inc-3f2a9c1d0b7e --verdict cause --entity payments-db
              aiops incidents feedback inc-3f2a9c1d0b7e --verdict noise
            """);
        command.Arguments.Add(id);
        command.Options.Add(verdict);
        command.Options.Add(entity);
        command.Options.Add(note);
        command.SetAction((parse, cancellationToken) => PostAsync(parse, parse.GetValue(id)!, "feedback", new { verdict = parse.GetValue(verdict), entity = parse.GetValue(entity), note = parse.GetValue(note) }, cancellationToken));
        return command;
    }

    private static async Task<int> PostAsync(ParseResult parse, string id, string endpoint, object body, CancellationToken cancellationToken)
    {
        using var api = Client(parse);
        var response = await api.SendAsync(HttpMethod.Post, $"/api/v1/incidents/{Uri.EscapeDataString(id)}/{endpoint}", body, cancellationToken);
        if (response is null)
        {
            return 1;
        }

        if (parse.GetValue(Json))
        {
            Console.WriteLine(response);
            return 0;
        }

        using var doc = JsonDocument.Parse(response);
        CliConsole.Out().MarkupLine($"[green]ok[/] {Markup.Escape(IncidentRendering.DescribeAction(doc.RootElement.GetProperty("action")))} ({Markup.Escape(id)})");
        return 0;
    }

    private static ApiClient Client(ParseResult parse, TimeSpan? timeout = null) => new(parse.GetValue(Url)!, parse.GetValue(Token), timeout);

    private static void AddQuery(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
