using System.CommandLine;
using AIOps.Ingest;
using AIOps.Ingest.Mapping;
using AIOps.Server.Options;
using AIOps.Server.Decode;

namespace AIOps.Cli.Commands;

internal static class DecodeCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = $"Wire format, or auto to detect per message. Formats: {string.Join(", ", DecoderCatalog.Formats)}, and the names in rules/mappings/*.yaml.", DefaultValueFactory = _ => DecoderFormats.Auto };
        var input = new Option<string>("--input") { Description = "File with one message per line, or - for stdin.", DefaultValueFactory = _ => "-" };
        var rules = new Option<string?>("--rules") { Description = "Rules directory whose mappings/*.yaml add JSON formats (default: the rules shipped with aiops)." };
        var envelope = new Option<string?>("--envelope") { Description = "kcat: each line is a `kcat -C -J` envelope." };
        envelope.AcceptOnlyFromAmong("kcat");
        var command = new Command("decode", """
            Decode messages to the engine's canonical records, one JSON object per line (kind, timestamp, entity, ...).
            A message that cannot be decoded becomes {"kind":"dlq","reason":...,"payload":...} and decoding goes on.
            Examples:
              echo 'cpu,host=web-1 usage=0.93 1764244800000000000' | aiops decode
              kcat -b kafka:9092 -C -J -e -t telemetry.logs | aiops decode --envelope kcat
            """);
        command.Options.Add(format);
        command.Options.Add(input);
        command.Options.Add(envelope);
        command.Options.Add(rules);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(input)!;
            if (path != "-" && !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"decode: input file '{path}' does not exist");
                return 2;
            }

            var mappings = JsonMappings.LoadDirectory(parse.GetValue(rules) ?? EngineDefaults.RulesDirectory(), out var mappingErrors);
            foreach (var error in mappingErrors)
            {
                await Console.Error.WriteLineAsync($"decode: {error}");
            }

            if (mappingErrors.Count > 0)
            {
                return 2;
            }

            var name = parse.GetValue(format)!;
            var known = DecoderCatalog.Formats.Concat(mappings.Select(m => m.Format)).ToList();
            if (name != DecoderFormats.Auto && !known.Contains(name))
            {
                await Console.Error.WriteLineAsync($"decode: unknown format '{name}'; known: auto, {string.Join(", ", known)}");
                return 2;
            }

            using var reader = path == "-" ? Console.In : new StreamReader(path);
            await using var stdout = Console.OpenStandardOutput();
            var summary = await DecodeRunner.RunAsync(reader, stdout, name, parse.GetValue(envelope) == "kcat", TimeProvider.System, cancellationToken, mappings);
            await Console.Error.WriteLineAsync($"decode: {summary.Messages} messages, {summary.Records} records, {summary.DeadLetters} undecodable");
            return 0;
        });
        return command;
    }
}
