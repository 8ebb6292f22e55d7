using AIOps.Core.Model;
using AIOps.Correlation.Rules;

namespace AIOps.Correlation.Tests.Rules;

public sealed class RulesLoaderTests
{
    private const string Valid = """
        rules:
          - name: warnings
            match:
              - { field: kind, equals: alert }
              - { label: severity, regex: "warn.*" }
            groupBy: [cluster]
            window: 5m
            minCount: 2
            severity: { warning: error }
            resolve: allResolved
            quietPeriod: 1h30m
            title: "{{indicator}} on {{entity}} in {{labels.cluster}}"
        inhibit:
          - name: node-down
            source: [ { label: alertname, equals: NodeDown } ]
            target: [ { field: kind, equals: alert } ]
            equal: [node]
        silences:
          - id: s1
            matchers: [ { field: entity, equals: db } ]
            startsAt: 2026-11-27T00:00:00Z
            endsAt: 2026-11-28T00:00:00Z
        maintenance:
          - name: weekly
            matchers: [ { label: team, exists: true } ]
            days: [sat, sunday]
            from: "22:00"
            to: "02:00"
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEverySection()
    {
        var sut = RulesLoader.Parse(Valid, "valid.yaml", out var errors);

        Assert.Empty(errors);
        var rule = Assert.Single(sut.Rules);
        Assert.Equal(["cluster"], rule.GroupBy);
        Assert.Equal(TimeSpan.FromMinutes(5), rule.Window);
        Assert.Equal(TimeSpan.FromMinutes(90), rule.QuietPeriod);
        Assert.Equal(2, rule.MinCount);
        Assert.Equal(ResolvePolicy.AllResolved, rule.Resolve);
        Assert.Equal(Severity.Error, rule.MapSeverity(Severity.Warning));
        Assert.Equal(2, rule.Line);
        Assert.Equal(["node"], Assert.Single(sut.Inhibitions).Equal);
        Assert.Equal("s1", Assert.Single(sut.Silences).Id);
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], Assert.Single(sut.Maintenance).Days);
    }

    [Theory]
    [InlineData("rules:\n  - name: a\n    windw: 5m\n", 3, "unknown key 'windw'")]
    [InlineData("rules:\n  - name: a\n    window: five\n", 3, "positive duration")]
    [InlineData("rules:\n  - name: a\n    match:\n      - { field: colour, equals: red }\n", 4, "unknown field 'colour'")]
    [InlineData("rules:\n  - name: a\n    match:\n      - { label: x, regex: \"(\" }\n", 4, "invalid regex")]
    [InlineData("rules:\n  - name: a\n    match:\n      - { label: x }\n", 4, "needs one of equals")]
    [InlineData("rules:\n  - name: a\n    title: \"{{entty}}\"\n", 3, "unknown title variable 'entty'")]
    [InlineData("rules:\n  - name: a\n    severity: huge\n", 3, "not a severity")]
    [InlineData("rules:\n  - name: a\n  - name: a\n", 3, "declared twice")]
    [InlineData("inhibit:\n  - name: i\n    source: []\n", 2, "needs source and target")]
    [InlineData("silences:\n  - matchers: [ { field: entity, equals: x } ]\n    startsAt: 2026-11-28T00:00:00Z\n    endsAt: 2026-11-27T00:00:00Z\n", 2, "end after it starts")]
    [InlineData("rules: [\n", 2, "")]
    public void Parse_InvalidFile_ReportsFileAndLine(string yaml, int line, string message)
    {
        RulesLoader.Parse(yaml, "bad.yaml", out var errors);

        var error = Assert.Single(errors);
        Assert.Equal("bad.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_Directory_ReportsEveryFileWithPathAndLineAndSkipsTopology()
    {
        var directory = Directory.CreateTempSubdirectory("rules-lint-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "10-ok.yaml"), Valid);
            File.WriteAllText(Path.Combine(directory.FullName, "20-bad.yml"), "rules:\n  - name: x\n    minCount: 0\n");
            File.WriteAllText(Path.Combine(directory.FullName, "topology.yaml"), "services:\n  - name: a\n  - name: a\n");

            var errors = RulesLinter.Lint(directory.FullName);

            Assert.Equal(2, errors.Count);
            Assert.EndsWith("20-bad.yml:3:15: minCount is an integer >= 1", errors[0].ToString(), StringComparison.Ordinal);
            Assert.Contains("declared twice", errors[1].Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lint_ShippedRules_HaveNoProblems()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AIOps.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        Assert.Empty(RulesLinter.Lint(Path.Combine(root.FullName, "rules")));
    }
}
