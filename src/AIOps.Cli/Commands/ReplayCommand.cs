using System.CommandLine;
using System.Text.Json;
using AIOps.Cli.Rendering;
using AIOps.Core.Serialization;
using AIOps.Server.Composition;
using AIOps.Server.Demo;
using AIOps.Server.Options;
using AIOps.Server.Replay;
using AIOps.Server.Storage;

namespace AIOps.Cli.Commands;

internal static class ReplayCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "NDJSON in kcat's -J envelope (one message per line), or - for stdin.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the final incidents with their root-cause reports as JSON ({incidents, merged}: incidents merged into another are listed apart)." };
        var rules = new Option<string?>("--rules") { Description = "Rules directory (topology.yaml, ...). Default: the rules shipped with aiops." };
        var order = new Option<string>("--order")
        {
            Description = "event-time (default): messages in timestamp order, as the live engine sees topics interleaved (a dump of a backlog holds one topic after another); file: as written, streamed (huge dumps already in time order).",
            DefaultValueFactory = _ => "event-time",
        };
        order.AcceptOnlyFromAmong("event-time", "file");
        var command = new Command("replay", """
            Run a recorded dump through the same pipeline without a broker (backtesting).
            Example:
              kcat -b kafka:9092 -C -J -e -t telemetry.metrics -t telemetry.events > dump.ndjson
              aiops replay --input dump.ndjson --json
            Messages are replayed in timestamp order (--order file keeps the dump's order).
            A progress bar (rate, ETA) shows on stderr when it is a terminal.
            """);
        command.Options.Add(input);
        command.Options.Add(json);
        command.Options.Add(rules);
        command.Options.Add(order);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(input)!;
            if (path != "-" && !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"replay: input file '{path}' does not exist");
                return 2;
            }

            var options = new EngineOptions { RulesDirectory = parse.GetValue(rules) };
            var store = new MemoryIncidentStore();
            var deadLetters = new MemoryDeadLetterSink();
            var composition = EngineComposition.Create(options, TimeProvider.System, store, deadLetters);
            await using var file = path == "-" ? null : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = file is null ? Console.In : new StreamReader(file);
            var result = await FileProgress.RunAsync("replaying", file, () => ReplayRunner.RunAsync(reader, composition.Processor, deadLetters, null, cancellationToken, parse.GetValue(order) == "file" ? ReplayOrder.File : ReplayOrder.EventTime));
            await Console.Error.WriteLineAsync($"replayed {result.Messages} messages, {result.Records} records; {result.DeadLetters + result.BadEnvelopes} dead-lettered");
            foreach (var (message, reason) in deadLetters.Letters.Take(20))
            {
                await Console.Error.WriteLineAsync($"  dlq {message.Topic}@{message.Offset}: {reason}");
            }

            var incidents = store.List();
            if (parse.GetValue(json))
            {
                // The problems found, apart from the incidents merged into them (kept for their history): counting
                // "incidents" is counting problems.
                Console.WriteLine(JsonSerializer.Serialize(new { incidents = incidents.Where(i => i.MergedInto is null), merged = incidents.Where(i => i.MergedInto is not null) }, AiopsJson.Indented));
            }
            else
            {
                await IncidentText.WriteSummaryAsync(Console.Out, incidents);
            }

            return 0;
        });
        return command;
    }
}
