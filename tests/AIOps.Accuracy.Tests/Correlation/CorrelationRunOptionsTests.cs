using AIOps.Accuracy.Correlation;
using AIOps.Server.Replay;

namespace AIOps.Accuracy.Tests.Correlation;

public sealed class CorrelationRunOptionsTests
{
    [Fact]
    public void Parse_NoSwitches_IsTheSuiteAsCommittedWrittenUnderTests()
    {
        var sut = CorrelationRunOptions.Parse([]);

        Assert.True(sut.IsSuiteAsCommitted);
        Assert.Equal(Path.Combine("/repo", "tests", "scenarios"), sut.OutputFolder("/repo"));
        Assert.Equal(Path.Combine("/repo", "tests", "scenarios", "holdout"), CorrelationRunOptions.Parse(["--set", "holdout"]).OutputFolder("/repo"));
    }

    [Theory]
    [InlineData("--volume", "fleet")]
    [InlineData("--delivery", "by-topic")]
    [InlineData("--kube-labels", null)]
    [InlineData("--counters", null)]
    [InlineData("--noise-scale", "2")]
    [InlineData("--topology", "spans")]
    public void Parse_AnyVariation_NeverRewritesTheCommittedDumps(string name, string? value)
    {
        var sut = CorrelationRunOptions.Parse(value is null ? [name] : [name, value]);

        Assert.False(sut.IsSuiteAsCommitted);
        Assert.StartsWith(Path.GetTempPath(), sut.OutputFolder("/repo"), StringComparison.Ordinal);
    }

    [Fact]
    public void Vary_AppliesEverySwitchToTheSpec()
    {
        var sut = CorrelationRunOptions.Parse(["--seed-offset", "3", "--noise-scale", "2", "--topology", "spans", "--counters", "--replay-order", "file"]);
        var spec = ScenarioCatalog.All[0];

        var varied = sut.Vary(spec);

        Assert.Equal(spec.Seed + 3, varied.Seed);
        Assert.Equal(spec.NoiseEvents * 2, varied.NoiseEvents);
        Assert.True(varied.Traces);
        Assert.True(varied.Counters);
        Assert.Equal(ReplayOrder.File, sut.ReplayOrder);
    }

    [Theory]
    [InlineData("--set", "staging")]
    [InlineData("--topology", "guess")]
    [InlineData("--volume", "huge")]
    public void Parse_UnknownValue_Throws(string name, string value) =>
        Assert.Throws<ArgumentException>(() => CorrelationRunOptions.Parse([name, value]));
}
