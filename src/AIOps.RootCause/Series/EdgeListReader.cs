using AIOps.Core.Topology;

namespace AIOps.RootCause.Series;

/// <summary>Reads a call graph from CSV rows <c>source,target</c> (source calls target); a <c>source,target</c> header is skipped.</summary>
public static class EdgeListReader
{
    public static DependencyGraph Load(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static DependencyGraph Read(TextReader reader)
    {
        var graph = new DependencyGraph();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(',');
            if (parts.Length < 2)
            {
                throw new FormatException($"line {lineNumber}: expected 'source,target'");
            }

            var source = parts[0].Trim();
            var target = parts[1].Trim();
            if (lineNumber == 1 && source.Equals("source", StringComparison.OrdinalIgnoreCase) && target.Equals("target", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            graph.AddStatic(source, target);
        }

        return graph;
    }
}
