using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AIOps.RootCause.Series;

namespace AIOps.Cli.Commands;

internal static class RcaCommandLine
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CSV: a first column `time` (unix seconds or RFC 3339) and one column per series named <entity><S><metric>.", Required = true };
        var topology = new Option<string?>("--topology") { Description = "CSV of source,target call edges (source calls target)." };
        var onset = new Option<long?>("--onset") { Description = "Fault onset in unix seconds; without it the analyzer finds the onset." };
        var separator = new Option<string>("--separator") { Description = "Separator between entity and metric in column names (split at its first occurrence).", DefaultValueFactory = _ => "_" };
        var top = new Option<int>("--top") { Description = "How many candidates to print.", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print {onset, candidates[]} as JSON." };
        var command = new Command("rca", """
            Offline root-cause ranking over a table of metrics (backtests, post-mortems).
            Example:
              aiops rca --input incident.csv --topology edges.csv --json
            """);
        foreach (var option in new Option[] { input, topology, onset, separator, top, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            foreach (var path in new[] { parse.GetValue(input), parse.GetValue(topology) }.OfType<string>())
            {
                if (!File.Exists(path))
                {
                    await Console.Error.WriteLineAsync($"rca: file '{path}' does not exist");
                    return 2;
                }
            }

            using var buffer = new StringWriter(CultureInfo.InvariantCulture);
            var exit = RcaCommand.Run(parse.GetValue(input)!, parse.GetValue(topology), parse.GetValue(onset), parse.GetValue(separator)!, parse.GetValue(top), buffer);
            if (exit != 0 || parse.GetValue(json))
            {
                Console.Write(buffer.ToString());
                return exit;
            }

            using var doc = JsonDocument.Parse(buffer.ToString());
            Console.WriteLine($"onset: {doc.RootElement.GetProperty("onset")}");
            var rank = 1;
            foreach (var candidate in doc.RootElement.GetProperty("candidates").EnumerateArray())
            {
                Console.WriteLine($"{rank++}. {candidate.GetProperty("entity").GetString()} [{candidate.GetProperty("indicator").GetString()}] score {candidate.GetProperty("score").GetDouble():0.00} ({candidate.GetProperty("confidence").GetString()})");
                Console.WriteLine($"   {candidate.GetProperty("explanation").GetString()}");
            }

            return 0;
        });
        return command;
    }
}
