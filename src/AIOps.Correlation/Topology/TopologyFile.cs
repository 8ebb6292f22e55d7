using AIOps.Core.Topology;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AIOps.Correlation.Topology;

/// <summary>Loads a static topology file into the dependency graph (static edges never age out).</summary>
public static class TopologyFile
{
    public static TopologyDocument Parse(string yaml, string sourceName = "topology.yaml")
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        TopologyDocument document;
        try
        {
            document = deserializer.Deserialize<TopologyDocument?>(yaml) ?? new TopologyDocument();
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{sourceName}:{ex.Start.Line}:{ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Services.Count; i++)
        {
            var service = document.Services[i];
            if (string.IsNullOrWhiteSpace(service.Name))
            {
                throw new InvalidDataException($"{sourceName}: services[{i}] has no name");
            }

            if (!names.Add(service.Name))
            {
                throw new InvalidDataException($"{sourceName}: service '{service.Name}' is declared twice");
            }
        }

        return document;
    }

    public static TopologyDocument Load(string path, DependencyGraph graph)
    {
        var document = Parse(File.ReadAllText(path), path);
        Apply(document, graph);
        return document;
    }

    public static void Apply(TopologyDocument document, DependencyGraph graph)
    {
        foreach (var service in document.Services)
        {
            foreach (var callee in service.DependsOn)
            {
                graph.AddStatic(service.Name, callee);
            }
        }
    }
}
