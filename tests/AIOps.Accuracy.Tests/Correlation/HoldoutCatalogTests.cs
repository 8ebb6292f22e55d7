using AIOps.Accuracy.Correlation;

namespace AIOps.Accuracy.Tests.Correlation;

public sealed class HoldoutCatalogTests
{
    [Fact]
    public void Generate_EveryHoldoutSpecTwice_SameBytes()
    {
        foreach (var spec in HoldoutCatalog.All.Select(s => s with { Steps = 110 }))
        {
            var first = new ScenarioGenerator(spec).Generate();
            var second = new ScenarioGenerator(spec).Generate();

            Assert.Equal(first.Lines, second.Lines);
            Assert.Equal(first.Truth.Noise.Select(n => n.Id), second.Truth.Noise.Select(n => n.Id));
            Assert.DoesNotContain(first.Lines, l => l.Contains(spec.Faults[0].Id, StringComparison.Ordinal)); // truth stays out of the payloads
        }
    }

    [Fact]
    public void TopologyYaml_UndeclaredComponentsAndTracedCalls_AreLeftOut()
    {
        var sut = HoldoutCatalog.TopologyYaml();

        Assert.Contains("- name: fulfillment", sut, StringComparison.Ordinal);
        Assert.Contains("dependsOn: [payments, inventory, cart, orders-queue]", sut, StringComparison.Ordinal);
        Assert.DoesNotContain("fraud", sut, StringComparison.Ordinal);
        Assert.DoesNotContain("coredns", sut, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_SpanDependency_ClientSpansNameTheUndeclaredCallee()
    {
        var spec = HoldoutCatalog.All.Single(s => s.Name == "span-dependency") with { Steps = 60, NoiseEvents = 0 };

        var (lines, truth) = new ScenarioGenerator(spec).Generate();

        Assert.Contains(lines, l => l.Contains("\"topic\":\"telemetry.traces\"", StringComparison.Ordinal) && l.Contains("peer.service", StringComparison.Ordinal) && l.Contains("fraud", StringComparison.Ordinal));
        Assert.Contains("payments", truth.Faults.Single().Entities); // the cascade follows the traced call
    }

    [Fact]
    public void Generate_SuiteSpec_EmitsNoSpans()
    {
        var spec = ScenarioCatalog.All[0] with { Steps = 60, NoiseEvents = 0 };

        var (lines, _) = new ScenarioGenerator(spec).Generate();

        Assert.DoesNotContain(lines, l => l.Contains("\"topic\":\"telemetry.traces\"", StringComparison.Ordinal));
    }
}
