using System.CommandLine;
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

            using var reader = path == "-" ? Console.In : new StreamReader(path);
            var target = parse.GetValue(output);
            await using var writer = target is null ? Console.Out : new StreamWriter(target);
            return LogTemplateCommand.Run(reader, writer, new LogTemplateMinerOptions());
        });

        var command = new Command("logs", "Log tools.");
        command.Subcommands.Add(templates);
        return command;
    }
}
