using System.CommandLine;
using AIOps.Server.Api.Security;
using AIOps.Server.Hosting;
using AIOps.Server.Options;

namespace AIOps.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var flags = new ConfigFlags();
        var tokenFile = new Option<string[]>("--api-token-file") { Description = "File whose first line is a bearer token with read and write scopes (repeatable). Without any token the API is open and listens on loopback only.", AllowMultipleArgumentsPerToken = false };
        var readTokenFile = new Option<string[]>("--api-read-token-file") { Description = "File whose first line is a bearer token with the read scope only (repeatable)." };
        var command = new Command("serve", """
            Consume telemetry from Kafka, detect, correlate and rank causes; serve the incident API and /metrics.
            Settings come from appsettings.json (or --config FILE), then AIOPS_* environment variables
            (AIOPS_Kafka__BootstrapServers=...), then flags; `aiops config show` prints the result.
            Examples:
              aiops serve                                  (embedded broker; prints where to produce)
              aiops serve --kafka kafka-1:9092 --urls http://0.0.0.0:8080 --api-token-file /etc/aiops/oncall.token
            Web console at /, API reference at /docs, OpenAPI at /openapi/v1.json.
            """);
        flags.AddTo(command);
        command.Options.Add(tokenFile);
        command.Options.Add(readTokenFile);
        command.SetAction((parse, cancellationToken) =>
            ConfigFlags.WithOptionsAsync(flags, parse, options =>
            {
                foreach (var file in parse.GetValue(tokenFile) ?? [])
                {
                    options.Api.Tokens.Add(new ApiTokenOptions { Name = Path.GetFileNameWithoutExtension(file), TokenFile = file, Scopes = [ApiScopes.Read, ApiScopes.Write] });
                }

                foreach (var file in parse.GetValue(readTokenFile) ?? [])
                {
                    options.Api.Tokens.Add(new ApiTokenOptions { Name = Path.GetFileNameWithoutExtension(file), TokenFile = file, Scopes = [ApiScopes.Read] });
                }

                return RunAsync(options, cancellationToken);
            }));
        return command;
    }

    private static async Task<int> RunAsync(EngineOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await ServeHost.RunAsync(options, Console.Out, cancellationToken);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Api.Tokens", StringComparison.Ordinal))
        {
            // A configuration mistake, said plainly (the message names the entry, never the secret).
            await Console.Error.WriteLineAsync($"serve: {ex.Message}");
            return 2;
        }
    }
}
