using System.CommandLine;
using AIOps.Cli.Commands;

namespace AIOps.Cli;

/// <summary>The `aiops` command tree.</summary>
public static class AiopsCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("""
            aiops: streaming anomaly detection, incident correlation and root-cause ranking over Kafka telemetry.

            Try it:   aiops demo                  (embedded broker, a simulated outage, the incident and its causes)
            Run it:   aiops serve --kafka host:9092
            Backtest: aiops replay --input dump.ndjson --json   (dump from kcat -C -J)
            """);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(BrokerCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(IncidentsCommand.Create());
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(LogsCommand.Create());
        root.Subcommands.Add(RcaCommandLine.Create());
        root.Subcommands.Add(DetectCommandLine.Create());
        return root;
    }
}
