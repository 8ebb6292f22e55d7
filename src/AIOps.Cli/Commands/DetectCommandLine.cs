using System.CommandLine;
using AIOps.Detection;
using AIOps.Detection.Batch;
using AIOps.Detection.Scoring;

namespace AIOps.Cli.Commands;

internal static class DetectCommandLine
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "A timestamp,value CSV file, or a folder searched recursively for them.", Required = true };
        var output = new Option<string>("--output") { Description = "Output file, or folder (mirrors the input tree) with timestamp,value,anomaly_score.", Required = true };
        var detector = new Option<string?>("--detector") { Description = $"Detector spec (default: the NAB-tuned ensemble). Names: {string.Join(", ", DetectorCatalog.Names)}." };
        var command = new Command("detect", """
            Score CSV series causally (each score uses only the rows up to and including its own), one configuration for all files.
            Examples:
              aiops detect --input cpu.csv --output cpu.scored.csv
              aiops detect --input ../shared/datasets/nab/data --output /tmp/nab-scores
            """);
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(detector);
        command.SetAction(async (parse, _) =>
        {
            var path = parse.GetValue(input)!;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                await Console.Error.WriteLineAsync($"detect: input '{path}' does not exist");
                return 2;
            }

            ISeriesDetectorFactory? factory = DetectorCatalog.CreateDefault();
            if (parse.GetValue(detector) is { } spec && !DetectorCatalog.TryCreate(spec, out factory))
            {
                await Console.Error.WriteLineAsync($"detect: unknown detector '{parse.GetValue(detector)}'; names: {string.Join(", ", DetectorCatalog.Names)}");
                return 2;
            }

            var files = DetectCommand.Run(path, parse.GetValue(output)!, factory!);
            await Console.Error.WriteLineAsync($"detect: scored {files} file(s)");
            return files > 0 ? 0 : 1;
        });
        return command;
    }
}
