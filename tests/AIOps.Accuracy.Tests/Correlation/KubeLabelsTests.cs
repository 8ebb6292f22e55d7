using AIOps.Accuracy.Correlation;
using AIOps.Core.Model;
using AIOps.Server.Replay;

namespace AIOps.Accuracy.Tests.Correlation;

public sealed class KubeLabelsTests
{
    [Fact]
    public void Generate_KubeLabels_PodAlertNamesTheExporterAndAGeneratedPodThatResolvesToTheService()
    {
        var spec = ScenarioCatalog.All.Single(s => s.Name == "node-failure") with { NoiseEvents = 0, KubeLabels = true };

        var (lines, _) = new ScenarioGenerator(spec).Generate();

        var podAlert = lines.First(l => l.Contains("KubePodNotReady", StringComparison.Ordinal) && l.Contains("cart-", StringComparison.Ordinal));
        Assert.Contains("kube-state-metrics", podAlert, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0022service\\u0022:\\u0022cart\\u0022", podAlert, StringComparison.Ordinal);
        Assert.True(KcatEnvelope.TryParse(podAlert, out var message, out _));
        var pod = System.Text.Json.JsonDocument.Parse(message.Payload).RootElement.GetProperty("alerts")[0].GetProperty("labels").GetProperty("pod").GetString()!;
        Assert.Equal("cart", EntityResolver.WorkloadOf(pod));
    }

    [Fact]
    public void Generate_WithoutKubeLabels_AlertsNameTheService()
    {
        var spec = ScenarioCatalog.All.Single(s => s.Name == "node-failure") with { NoiseEvents = 0 };

        var (lines, _) = new ScenarioGenerator(spec).Generate();

        Assert.DoesNotContain(lines, l => l.Contains("kube-state-metrics", StringComparison.Ordinal));
    }
}
