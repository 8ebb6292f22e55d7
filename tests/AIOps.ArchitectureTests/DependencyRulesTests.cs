using System.Reflection;
using System.Xml.Linq;

namespace AIOps.ArchitectureTests;

/// <summary>Dependencies point inward: the core references nothing; stage libraries reference only the core.</summary>
public sealed class DependencyRulesTests
{
    private static readonly string[] Infrastructure =
    [
        "Confluent.Kafka", "InfluxDB.Client", "Polly", "Microsoft.AspNetCore", "OpenTelemetry", "Microsoft.Data.Sqlite",
        "Microsoft.Extensions.Hosting", "Spectre.Console", "System.CommandLine", "Microsoft.Playwright",
    ];

    private static readonly string[] Stages = ["AIOps.Ingest", "AIOps.Detection", "AIOps.Correlation", "AIOps.RootCause"];

    public static TheoryData<string> CoreAndStages => new(["AIOps.Core", .. Stages]);

    [Theory]
    [MemberData(nameof(CoreAndStages))]
    public void Assembly_ReferencesNoInfrastructure(string name)
    {
        var references = Assembly.Load(name).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var offending = references.Where(r => Infrastructure.Any(i => r.StartsWith(i, StringComparison.Ordinal))).ToList();

        Assert.True(offending.Count == 0, $"{name} references infrastructure: {string.Join(", ", offending)}");
    }

    [Theory]
    [MemberData(nameof(CoreAndStages))]
    public void Assembly_ReferencesNoOtherStage(string name)
    {
        var references = Assembly.Load(name).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var offending = references.Where(r => r.StartsWith("AIOps.", StringComparison.Ordinal) && r != "AIOps.Core").ToList();

        Assert.True(offending.Count == 0, $"{name} references {string.Join(", ", offending)}; stages may reference AIOps.Core only");
    }

    [Fact]
    public void Core_ReferencesOnlyTheFramework()
    {
        var references = Assembly.Load("AIOps.Core").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", $"AIOps.Core references {r}"));
        Assert.Empty(PackageReferences("AIOps.Core"));
    }

    [Theory]
    [MemberData(nameof(CoreAndStages))]
    public void Project_HasNoInfrastructurePackage(string name)
    {
        var packages = PackageReferences(name);

        Assert.DoesNotContain(packages, p => Infrastructure.Any(i => p.StartsWith(i, StringComparison.Ordinal)));
    }

    private static List<string> PackageReferences(string project)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AIOps.sln")))
        {
            directory = directory.Parent;
        }

        var csproj = Path.Combine(directory!.FullName, "src", project, project + ".csproj");
        return [.. XDocument.Load(csproj).Descendants("PackageReference").Select(e => (string)e.Attribute("Include")!)];
    }
}
