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
                    errors.Add(new LintError(detection, 0, 0, ex.Message));
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
}
