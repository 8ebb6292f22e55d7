using System.Collections;
using AIOps.Server.Configuration;

namespace AIOps.Server.Tests.Deploy;

/// <summary>deploy/systemd: the unit runs `serve` with the shipped settings file and environment file, both valid.</summary>
public sealed class SystemdUnitTests
{
    private readonly Dictionary<string, string> _service = Section(File.ReadAllLines(Manifests.Path("deploy", "systemd", "aiops.service")), "Service");

    [Fact]
    public void Unit_RunsServeWithTheConfigFileAndEnvironmentFile()
    {
        Assert.Equal("/opt/aiops/aiops serve --config /etc/aiops/appsettings.json", _service["ExecStart"]);
        Assert.Equal("-/etc/aiops/aiops.env", _service["EnvironmentFile"]);
        Assert.Equal("SIGTERM", _service["KillSignal"]);
        Assert.Equal("2", _service["RestartPreventExitStatus"]); // the CLI's exit code for an invalid configuration
        Assert.Contains("/var/lib/aiops", _service["ReadWritePaths"], StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedFiles_AreAValidConfiguration()
    {
        var environment = Environment(commented: false);

        var sut = EngineConfiguration.Load(Manifests.Path("deploy", "systemd", "appsettings.json"), null, environment);

        Assert.Equal(_service["WorkingDirectory"], sut.DataDirectory);
        Assert.Equal(3, sut.Kafka.BootstrapServers.Split(',').Length);
    }

    [Fact]
    public void EnvironmentFile_EvenCommentedNames_AreSystemdSafeAndReal()
    {
        var environment = Environment(commented: true);

        Assert.All(environment.Keys.Cast<string>(), name => Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", name)); // systemd rejects dots
        Assert.All(Manifests.KeysOf(environment), key => Assert.True(Manifests.IsKnownKey(key), key));
        var sasl = EngineConfiguration.Load(null, null, environment);
        Assert.Equal("SASL_SSL", sasl.Kafka.ClientConfig["security.protocol"]);
        Assert.True(sasl.Kafka.ClientConfig.ContainsKey("sasl.password"));
    }

    private static Hashtable Environment(bool commented)
    {
        var environment = new Hashtable();
        foreach (var raw in File.ReadAllLines(Manifests.Path("deploy", "systemd", "aiops.env")))
        {
            var line = commented && raw.StartsWith("# AIOPS_", StringComparison.Ordinal) ? raw[2..] : raw;
            if (line.StartsWith("AIOPS_", StringComparison.Ordinal))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                environment[line[..eq]] = line[(eq + 1)..];
            }
        }

        return environment;
    }

    private static Dictionary<string, string> Section(string[] lines, string name)
    {
        var values = new Dictionary<string, string>();
        var inSection = false;
        foreach (var line in lines.Select(l => l.Trim()))
        {
            if (line.StartsWith('['))
            {
                inSection = line == $"[{name}]";
            }
            else if (inSection && line.Length > 0 && !line.StartsWith('#'))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                values[line[..eq]] = line[(eq + 1)..];
            }
        }

        return values;
    }
}
