using System.CommandLine;
using AIOps.Server.Hosting;

namespace AIOps.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var flags = new ConfigFlags();
        var command = new Command("serve", """
            Consume telemetry from Kafka, detect, correlate and rank causes; serve the incident API and /metrics.
            Settings come from appsettings.json (or --config FILE), then AIOPS_* environment variables
            (AIOPS_Kafka__BootstrapServers=...), then flags; `aiops config show` prints the result.
            Examples:
              aiops serve                                  (embedded broker; prints where to produce)
              aiops serve --kafka kafka-1:9092 --urls http://0.0.0.0:8080
            """);
        flags.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            ConfigFlags.WithOptionsAsync(flags, parse, options => ServeHost.RunAsync(options, Console.Out, cancellationToken)));
        return command;
    }
}
