using System.CommandLine;
using AIOps.Server.Hosting;
using AIOps.Server.Options;

namespace AIOps.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var kafka = new Option<string?>("--kafka") { Description = "Kafka bootstrap servers (host:port,...). Without it an embedded broker starts and its address is printed." };
        var group = new Option<string>("--group") { Description = "Consumer group id.", DefaultValueFactory = _ => "aiops" };
        var data = new Option<string>("--data") { Description = "Directory of the incident store.", DefaultValueFactory = _ => EngineDefaults.DataDirectory };
        var rules = new Option<string?>("--rules") { Description = "Rules directory (topology.yaml, ...). Default: the rules shipped with aiops." };
        var urls = new Option<string>("--urls") { Description = "HTTP listen address of the API.", DefaultValueFactory = _ => EngineDefaults.Urls };
        var command = new Command("serve", """
            Consume telemetry from Kafka, detect, correlate and rank causes; serve the incident API.
            Examples:
              aiops serve                                  (embedded broker; prints where to produce)
              aiops serve --kafka kafka-1:9092 --urls http://0.0.0.0:8080
            """);
        command.Options.Add(kafka);
        command.Options.Add(group);
        command.Options.Add(data);
        command.Options.Add(rules);
        command.Options.Add(urls);
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new EngineOptions
            {
                DataDirectory = parse.GetValue(data)!,
                RulesDirectory = parse.GetValue(rules),
                Urls = parse.GetValue(urls)!,
            };
            options.Kafka.BootstrapServers = parse.GetValue(kafka) ?? string.Empty;
            options.Kafka.GroupId = parse.GetValue(group)!;
            return ServeHost.RunAsync(options, Console.Out, cancellationToken);
        });
        return command;
    }
}
