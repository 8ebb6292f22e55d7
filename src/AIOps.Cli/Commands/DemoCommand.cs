using System.CommandLine;
using AIOps.Server.Demo;
using AIOps.Server.Options;

namespace AIOps.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print {injectedFault, incidents[]} as JSON instead of text." };
        var serve = new Option<bool>("--serve") { Description = "Also serve the web console and API over the demo's incidents, and keep serving after the demo until Ctrl+C." };
        var urls = new Option<string>("--urls") { Description = "Where --serve listens (loopback only: the demo's API is open).", DefaultValueFactory = _ => EngineDefaults.Urls };
        var command = new Command("demo", """
            Start an embedded broker and the engine, produce an hour of telemetry from a small shop in which
            payments-db fails, and print the incident and its ranked causes as they form. Ends in well under 2 minutes.
            Example:
              aiops demo
              aiops demo --json | jq '.incidents[0].rootCause.candidates[0]'
              aiops demo --serve                 (then open http://127.0.0.1:8080/ in a browser)
            """);
        command.Options.Add(json);
        command.Options.Add(serve);
        command.Options.Add(urls);
        command.SetAction((parse, cancellationToken) => DemoRunner.RunAsync(
            parse.GetValue(json), parse.GetValue(serve) ? parse.GetValue(urls) : null, Console.Out, Console.Error, cancellationToken));
        return command;
    }
}
