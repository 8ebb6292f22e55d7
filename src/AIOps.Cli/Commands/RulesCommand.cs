using System.CommandLine;
using AIOps.Correlation.Rules;
using AIOps.Detection.Rules;
using AIOps.Ingest.Mapping;
using AIOps.Server.Options;

namespace AIOps.Cli.Commands;

internal static class RulesCommand
{
    public static Command Create()
    {
        var directory = new Argument<string?>("DIR") { Description = "Rules directory (default: the rules shipped with aiops).", Arity = ArgumentArity.ZeroOrOne };
        var lint = new Command("lint", "Check rule files, topology.yaml, detection.yaml and mappings/*.yaml; prints file:line:column: message per problem, exit 1 if any. Example: aiops rules lint rules/");
        lint.Arguments.Add(directory);
        lint.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(directory) ?? EngineDefaults.RulesDirectory();
            var errors = new List<LintError>(RulesLinter.Lint(path));
            var detection = Path.Combine(path, DetectionRulesFile.FileName);
            if (File.Exists(detection))
            {
                try
                {
                    DetectionRulesFile.Load(detection);
                }
                catch (InvalidDataException ex)
                {
                    errors.AddRange(DetectionErrors(detection, ex.Message));
                }
            }

            JsonMappings.LoadDirectory(path, out var mappingErrors);
            errors.AddRange(mappingErrors.Select(e => new LintError(e.File, e.Line, e.Column, e.Message)));
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error.ToString());
            }

            var mappingDirectory = Path.Combine(path, JsonMappings.DirectoryName);
            var files = (Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.y*ml").Count() : 0) +
                        (Directory.Exists(mappingDirectory) ? Directory.EnumerateFiles(mappingDirectory, "*.y*ml").Count() : 0);
            Console.WriteLine(errors.Count == 0 ? $"{path}: {files} files, no problems" : $"{path}: {errors.Count} problem(s)");
            return errors.Count == 0 ? 0 : 1;
        });
        var command = new Command("rules", "Work with correlation rules (rules/*.yaml).");
        command.Subcommands.Add(lint);
        return command;
    }

    // detection.yaml reports every problem as "file:line: message", one per line; lint prints them in its own form.
    private static IEnumerable<LintError> DetectionErrors(string file, string message)
    {
        foreach (var line in message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var rest = line.StartsWith(file + ":", StringComparison.Ordinal) ? line[(file.Length + 1)..] : line;
            var colon = rest.IndexOf(": ", StringComparison.Ordinal);
            yield return colon > 0 && int.TryParse(rest.AsSpan(0, colon), out var number)
                ? new LintError(file, number, 1, rest[(colon + 2)..])
                : new LintError(file, 1, 1, line);
        }
    }
}
