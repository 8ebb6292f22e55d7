using AIOps.Correlation.Topology;

namespace AIOps.Correlation.Rules;

/// <summary>What `aiops rules lint [DIR]` runs: every rule file and the topology file, errors with file and line.</summary>
public static class RulesLinter
{
    public static IReadOnlyList<LintError> Lint(string directory)
    {
        RulesLoader.LoadDirectory(directory, out var errors);
        var all = new List<LintError>(errors);
        var topology = Path.Combine(directory, RulesLoader.TopologyFileName);
        if (File.Exists(topology))
        {
            try
            {
                TopologyFile.Parse(File.ReadAllText(topology), topology);
            }
            catch (InvalidDataException ex)
            {
                all.Add(new LintError(topology, 0, 0, ex.Message));
            }
        }

        return all;
    }
}
