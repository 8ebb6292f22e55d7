using System.Collections;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AIOps.Server.Configuration;

namespace AIOps.Server.Tests.Deploy;

/// <summary>deploy/Dockerfile is not built here (no docker engine); its facts are checked against the code.</summary>
public sealed partial class DockerfileTests
{
    private readonly string[] _lines = File.ReadAllLines(Manifests.Path("deploy", "Dockerfile"));

    [Fact]
    public void Images_MatchTheTargetFramework()
    {
        var framework = XDocument.Load(Manifests.Path("Directory.Build.props")).Descendants("TargetFramework").Single().Value; // net10.0
        var version = framework["net".Length..];

        var from = _lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();

        Assert.Equal([$"mcr.microsoft.com/dotnet/sdk:{version}", $"mcr.microsoft.com/dotnet/aspnet:{version}"], from);
    }

    [Fact]
    public void PublishAndCopy_ReferToFilesThatExist()
    {
        var publish = _lines.Single(l => l.Contains("dotnet publish", StringComparison.Ordinal));
        var project = publish.Split(' ').Single(t => t.EndsWith(".csproj", StringComparison.Ordinal));
        Assert.True(File.Exists(Manifests.Path(project)), project);

        foreach (var copy in _lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            Assert.All(sources, s => Assert.True(File.Exists(Manifests.Path(s)) || Directory.Exists(Manifests.Path(s)), s));
        }
    }

    [Fact]
    public void Entrypoint_IsTheCliAssemblyAndServeIsTheDefaultCommand()
    {
        var assembly = XDocument.Load(Manifests.Path("src", "AIOps.Cli", "AIOps.Cli.csproj")).Descendants("AssemblyName").Single().Value;

        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]", _lines);
        Assert.Contains("CMD [\"serve\"]", _lines);
    }

    [Fact]
    public void Environment_IsAValidConfigurationAndListensOnTheExposedPort()
    {
        var environment = new Hashtable();
        foreach (Match match in EnvAssignment().Matches(string.Join('\n', _lines.Where(l => !l.StartsWith('#')))))
        {
            environment[match.Groups[1].Value] = match.Groups[2].Value;
        }

        var sut = EngineConfiguration.Load(null, null, environment);

        Assert.True(environment.Count >= 3);
        var expose = _lines.Single(l => l.StartsWith("EXPOSE ", StringComparison.Ordinal));
        Assert.Equal($"EXPOSE {Manifests.PortOf(sut.Urls)}", expose);
        Assert.Equal("/var/lib/aiops", sut.DataDirectory);
        Assert.Contains(_lines, l => l == "VOLUME /var/lib/aiops");
    }

    [GeneratedRegex(@"(AIOPS_[A-Za-z_]+)=(\S+)")]
    private static partial Regex EnvAssignment();
}
