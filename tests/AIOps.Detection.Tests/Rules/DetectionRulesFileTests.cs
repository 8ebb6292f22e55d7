using AIOps.Detection.Rules;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Tests.Rules;

public sealed class DetectionRulesFileTests
{
    private static readonly ISeriesDetectorFactory Fallback = new RobustBaselineDetectorFactory();

    [Fact]
    public void Parse_ShippedFile_IsValidAndResolvesFirstMatch()
    {
        var sut = DetectionRulesFile.Load(ShippedRules());

        var latency = sut.Resolve("http_latency_ms", Fallback, "live", 0.8);
        var cpu = sut.Resolve("node_cpu_seconds", Fallback, "live", 0.8);
        var other = sut.Resolve("queue_depth", Fallback, "live", 0.8);

        Assert.Equal(SignalDirection.Up, latency.Direction);
        Assert.Same(Fallback, latency.Factory);
        Assert.Equal(TimeSpan.FromMinutes(1), cpu.MinDuration);
        Assert.Equal(SignalDirection.Both, other.Direction);
        Assert.Equal(0.8, other.Threshold);
    }

    [Fact]
    public void Parse_EveryKindOfMistake_ReportsAllWithLines()
    {
        const string yaml = """
            defaults:
              direction: sideways
            metrics:
              - match: "*latency*"
                threshold: 1.5
              - detector: nosuch
                minDuration: soon
                colour: red
            """;

        var error = Assert.Throws<InvalidDataException>(() => DetectionRulesFile.Parse(yaml, "detection.yaml"));

        Assert.Contains("detection.yaml:2: direction must be up, down or both", error.Message, StringComparison.Ordinal);
        Assert.Contains("detection.yaml:5: threshold must be", error.Message, StringComparison.Ordinal);
        Assert.Contains("detection.yaml:6: a metrics entry needs 'match'", error.Message, StringComparison.Ordinal);
        Assert.Contains("detection.yaml:6: unknown detector 'nosuch'", error.Message, StringComparison.Ordinal);
        Assert.Contains("detection.yaml:7: minDuration must be a duration", error.Message, StringComparison.Ordinal);
        Assert.Contains("detection.yaml:8: unknown key 'colour'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NamedDetector_UsesCatalogFactory()
    {
        var sut = DetectionRulesFile.Parse("metrics:\n  - match: \"pg_*\"\n    detector: robust\n    threshold: 0.9\n");

        var policy = sut.Resolve("PG_connections", Fallback, "live", 0.8);

        Assert.Equal("robust", policy.DetectorName);
        Assert.NotSame(Fallback, policy.Factory);
        Assert.Equal(0.9, policy.Threshold);
    }

    [Theory]
    [InlineData("*latency*", "http_latency_ms", true)]
    [InlineData("*latency*", "http_requests", false)]
    [InlineData("up", "up", true)]
    [InlineData("up", "uptime", false)]
    [InlineData("pg_*_ms", "pg_query_latency_ms", true)]
    public void Matches_Glob(string glob, string name, bool expected) =>
        Assert.Equal(expected, new DetectionRule(glob).Matches(name));

    private static string ShippedRules()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AIOps.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "rules", DetectionRulesFile.FileName);
    }

    [Fact]
    public void Parse_Counter_ResolvesPerMetricAndRejectsOtherWords()
    {
        const string yaml = """
            metrics:
              - match: "jobs_done"
                counter: true
              - match: "*_total"
                counter: false
              - match: "odd"
                counter: sometimes
            """;

        var error = Assert.Throws<InvalidDataException>(() => DetectionRulesFile.Parse(yaml, "detection.yaml"));
        Assert.Contains("detection.yaml:7", error.Message, StringComparison.Ordinal);
        Assert.Contains("counter must be auto, true or false, not 'sometimes'", error.Message, StringComparison.Ordinal);

        var sut = DetectionRulesFile.Parse(yaml[..yaml.IndexOf("  - match: \"odd\"", StringComparison.Ordinal)]);
        Assert.Equal(CounterMode.Counter, sut.Resolve("jobs_done", Fallback, "live", 0.8).Counter);
        Assert.Equal(CounterMode.Gauge, sut.Resolve("errors_total", Fallback, "live", 0.8).Counter);
        Assert.Equal(CounterMode.Auto, sut.Resolve("queue_depth", Fallback, "live", 0.8).Counter);
    }
}
