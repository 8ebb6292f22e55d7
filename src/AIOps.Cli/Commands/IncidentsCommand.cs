using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Serialization;
using AIOps.Server.Demo;
using AIOps.Server.Options;

namespace AIOps.Cli.Commands;

internal static class IncidentsCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Base URL of a running `aiops serve`.", DefaultValueFactory = _ => EngineDefaults.Urls };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON." };
        var status = new Option<string?>("--status") { Description = "Only open or resolved incidents." };
        var list = new Command("list", "List incidents, newest first. Example: aiops incidents list --status open");
        list.Options.Add(url);
        list.Options.Add(json);
        list.Options.Add(status);
        list.SetAction(async (parse, cancellationToken) =>
        {
            var query = parse.GetValue(status) is { } s ? $"?status={Uri.EscapeDataString(s)}" : string.Empty;
            var body = await GetAsync(parse.GetValue(url)!, $"/api/v1/incidents{query}", cancellationToken);
            if (body is null)
            {
                return 1;
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(body);
                return 0;
            }

            var page = JsonSerializer.Deserialize<IncidentPage>(body, AiopsJson.Options)!;
            await IncidentText.WriteSummaryAsync(Console.Out, page.Incidents);
            return 0;
        });

        var id = new Argument<string>("id") { Description = "Incident id (inc-...)." };
        var show = new Command("show", "Show one incident with its ranked causes. Example: aiops incidents show inc-3f2a9c1d0b7e");
        show.Arguments.Add(id);
        show.Options.Add(url);
        show.Options.Add(json);
        show.SetAction(async (parse, cancellationToken) =>
        {
            var body = await GetAsync(parse.GetValue(url)!, $"/api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}", cancellationToken);
            if (body is null)
            {
                return 1;
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(body);
                return 0;
            }

            await IncidentText.WriteSummaryAsync(Console.Out, [JsonSerializer.Deserialize<Incident>(body, AiopsJson.Options)!]);
            return 0;
        });

        var command = new Command("incidents", "Query incidents from a running engine's API.");
        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }

    private static async Task<string?> GetAsync(string baseUrl, string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}: {body}");
                return null;
            }

            return body;
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"cannot reach {baseUrl}: {ex.Message}");
            return null;
        }
    }

    private sealed record IncidentPage(IReadOnlyList<Incident> Incidents);
}
