using System.CommandLine;
using AIOps.Server.Demo;

namespace AIOps.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print {injectedFault, incidents[]} as JSON instead of text." };
        var command = new Command("demo", """
            Start an embedded broker and the engine, produce an hour of telemetry from a small shop in which
            payments-db fails, and print the incident and its ranked causes as they form. Ends in well under 2 minutes.
            Example:
              aiops demo
              aiops demo --json | jq '.incidents[0].rootCause.candidates[0]'
            """);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => DemoRunner.RunAsync(parse.GetValue(json), Console.Out, Console.Error, cancellationToken));
        return command;
    }
}
