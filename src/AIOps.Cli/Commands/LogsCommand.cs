using System.CommandLine;
using AIOps.Cli.Rendering;
using AIOps.Ingest.Templates;

namespace AIOps.Cli.Commands;

internal static class LogsCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Log file, one message per line (- for stdin).", Required = true };
        var output = new Option<string?>("--output") { Description = "CSV file to write (default: stdout)." };
        var templates = new Command("templates", """
            Mine log templates (Drain-style, streaming): writes CSV line,template_id,template for every input line.
            Example:
              aiops logs templates --input /var/log/app.log --output templates.csv
            With --output, a progress bar (rate, ETA) shows on stderr when it is a terminal.
            """);
        templates.Options.Add(input);
        templates.Options.Add(output);
        templates.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(input)!;
            if (path != "-" && !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"logs templates: input file '{path}' does not exist");
                return 2;
            }

            await using var file = path == "-" ? null : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = file is null ? Console.In : new StreamReader(file);
            var target = parse.GetValue(output);
            await using var writer = target is null ? Console.Out : new StreamWriter(target);
            // With the CSV on stdout a bar would interleave with it on a terminal; it shows when --output is a file.
            var progress = target is null ? null : file;
            return await FileProgress.RunAsync("mining templates", progress, () => Task.FromResult(LogTemplateCommand.Run(reader, writer, new LogTemplateMinerOptions())));
        });

        var command = new Command("logs", "Log tools.");
        command.Subcommands.Add(templates);
        return command;
    }
}
