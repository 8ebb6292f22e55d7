using System.CommandLine;
using AIOps.Server.Configuration;
using AIOps.Server.Options;

namespace AIOps.Cli.Commands;

/// <summary>
/// The flags shared by `serve` and `config show`. A flag only overrides when given (no defaults here), so
/// appsettings.json and AIOPS_* variables are not masked by flag defaults.
/// </summary>
internal sealed class ConfigFlags
{
    public Option<string?> Config { get; } = new("--config") { Description = $"JSON settings file. Default: ./{EngineConfiguration.DefaultFile} if present." };

    public Option<string?> Kafka { get; } = new("--kafka") { Description = "Kafka bootstrap servers (host:port,...). Without it an embedded broker starts and its address is printed." };

    public Option<string?> Group { get; } = new("--group") { Description = "Consumer group id (default aiops)." };

    public Option<string?> Data { get; } = new("--data") { Description = $"Directory of the incident store (default {EngineDefaults.DataDirectory})." };

    public Option<string?> Rules { get; } = new("--rules") { Description = "Rules directory (topology.yaml, ...). Default: the rules shipped with aiops." };

    public Option<string?> Urls { get; } = new("--urls") { Description = $"HTTP listen address of the API and /metrics (default {EngineDefaults.Urls})." };

    public Option<string?> OtlpEndpoint { get; } = new("--otlp-endpoint") { Description = "OTLP collector for the engine's own metrics, traces and logs (e.g. http://localhost:4317). Off when empty." };

    public Option<string?> LogFormat { get; } = new("--log-format") { Description = "Console log format: simple or json." };

    public Option<string[]> Set { get; } = new("--set") { Description = "Any setting as KEY=VALUE, e.g. Kafka:ClientConfig:security.protocol=SASL_SSL. Repeatable." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Config, Kafka, Group, Data, Rules, Urls, OtlpEndpoint, LogFormat, Set })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Builds and validates the effective options; throws <see cref="EngineConfigurationException"/>.</summary>
    public EngineOptions Load(ParseResult parse) => EngineConfiguration.Load(parse.GetValue(Config), Overrides(parse));

    internal Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in parse.GetValue(Set) ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new EngineConfigurationException([$"--set '{pair}': expected KEY=VALUE"]);
            }

            overrides[pair[..eq].Trim()] = pair[(eq + 1)..];
        }

        // The named flags win over --set, as the more specific spelling.
        Put(overrides, ConfigurationKeys.BootstrapServers, parse.GetValue(Kafka));
        Put(overrides, ConfigurationKeys.GroupId, parse.GetValue(Group));
        Put(overrides, ConfigurationKeys.DataDirectory, parse.GetValue(Data));
        Put(overrides, ConfigurationKeys.RulesDirectory, parse.GetValue(Rules));
        Put(overrides, ConfigurationKeys.Urls, parse.GetValue(Urls));
        Put(overrides, ConfigurationKeys.OtlpEndpoint, parse.GetValue(OtlpEndpoint));
        Put(overrides, ConfigurationKeys.LogFormat, parse.GetValue(LogFormat));
        return overrides;
    }

    /// <summary>Runs <paramref name="action"/> with the effective options, or prints every configuration problem and returns 2.</summary>
    public static async Task<int> WithOptionsAsync(ConfigFlags flags, ParseResult parse, Func<EngineOptions, Task<int>> action)
    {
        EngineOptions options;
        try
        {
            options = flags.Load(parse);
        }
        catch (EngineConfigurationException ex)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("aiops: " + ex.Message).ConfigureAwait(false);
            return 2;
        }

        return await action(options).ConfigureAwait(false);
    }

    private static void Put(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }
}
