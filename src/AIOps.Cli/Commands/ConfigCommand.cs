using System.CommandLine;
using AIOps.Server.Configuration;

namespace AIOps.Cli.Commands;

/// <summary>`aiops config show`: the effective configuration after file, environment and flags, secrets masked.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var flags = new ConfigFlags();
        var show = new Command("show", $"""
            Print the effective configuration as JSON (secrets masked as {SecretMasker.Mask}), after
            appsettings.json (or --config FILE), AIOPS_* environment variables (AIOPS_Kafka__GroupId=...) and flags.
            Exits 2 listing every problem when the configuration is invalid.
            Example: aiops config show --config /etc/aiops/appsettings.json --kafka kafka:9092
            """);
        flags.AddTo(show);
        show.SetAction((parse, cancellationToken) => ConfigFlags.WithOptionsAsync(flags, parse, async options =>
        {
            await parse.InvocationConfiguration.Output.WriteLineAsync(SecretMasker.ToMaskedJsonText(options)).ConfigureAwait(false);
            return 0;
        }));
        var command = new Command("config", "Inspect the engine's configuration.");
        command.Subcommands.Add(show);
        return command;
    }
}
