namespace AIOps.Correlation.Rules;

/// <summary>
/// Loads every <c>*.yaml</c>/<c>*.yml</c> in a rules directory except the files other stages own
/// (<c>topology.yaml</c>, <c>detection.yaml</c>), in file-name order
/// (so <c>10-infra.yaml</c> rules come before <c>90-default.yaml</c>). Errors carry file and line.
/// </summary>
public static class RulesLoader
{
    public const string TopologyFileName = "topology.yaml";

    /// <summary>Files in the rules folder with their own schema and reader (the detection stage's is detection.yaml).</summary>
    public static readonly string[] OtherFiles = [TopologyFileName, "detection.yaml"];

    public static RuleSet LoadDirectory(string directory, out IReadOnlyList<LintError> errors)
    {
        var list = new List<LintError>();
        var rules = new List<CorrelationRule>();
        var inhibitions = new List<InhibitionRule>();
        var silences = new List<Silence>();
        var maintenance = new List<MaintenanceWindow>();
        if (!Directory.Exists(directory))
        {
            list.Add(new LintError(directory, 0, 0, "rules directory does not exist"));
            errors = list;
            return RuleSet.Empty;
        }

        foreach (var file in RuleFiles(directory))
        {
            new RuleDocumentReader(file, list).Read(File.ReadAllText(file), rules, inhibitions, silences, maintenance);
        }

        CheckDuplicates(rules, list);
        errors = list;
        return new RuleSet { Rules = rules, Inhibitions = inhibitions, Silences = silences, Maintenance = maintenance };
    }

    /// <summary>Parses one file's text (tests, the API); <paramref name="source"/> names it in errors.</summary>
    public static RuleSet Parse(string yaml, string source, out IReadOnlyList<LintError> errors)
    {
        var list = new List<LintError>();
        var rules = new List<CorrelationRule>();
        var inhibitions = new List<InhibitionRule>();
        var silences = new List<Silence>();
        var maintenance = new List<MaintenanceWindow>();
        new RuleDocumentReader(source, list).Read(yaml, rules, inhibitions, silences, maintenance);
        CheckDuplicates(rules, list);
        errors = list;
        return new RuleSet { Rules = rules, Inhibitions = inhibitions, Silences = silences, Maintenance = maintenance };
    }

    /// <summary>Loads the directory or throws with every error, one per line (start-up must not run half-configured).</summary>
    public static RuleSet LoadOrThrow(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return RuleSet.Empty;
        }

        var rules = LoadDirectory(directory, out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidDataException("invalid rules:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return rules;
    }

    internal static IEnumerable<string> RuleFiles(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(f => (f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) &&
                        !OtherFiles.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private static void CheckDuplicates(List<CorrelationRule> rules, List<LintError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!seen.Add(rule.Name))
            {
                errors.Add(new LintError(rule.Source, rule.Line, 1, $"rule '{rule.Name}' is declared twice"));
            }
        }
    }
}
