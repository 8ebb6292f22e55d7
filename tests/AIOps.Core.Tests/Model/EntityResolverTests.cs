using AIOps.Core.Model;

namespace AIOps.Core.Tests.Model;

public sealed class EntityResolverTests
{
    [Theory]
    [InlineData("service.name", "checkout", "checkout")]
    [InlineData("job", "node-exporter", "node-exporter")]
    [InlineData("app", "cart", "cart")]
    public void FromLabels_ServiceSpellings_ResolveToService(string key, string value, string expected)
    {
        var sut = EntityResolver.FromLabels(LabelSet.From((key, value)));

        Assert.Equal(expected, sut.EntityKey);
    }

    [Fact]
    public void FromLabels_PrometheusInstance_StripsPortForHost()
    {
        var sut = EntityResolver.FromLabels(LabelSet.From(("instance", "10.0.0.5:9100")));

        Assert.Equal("10.0.0.5", sut.Host);
        Assert.Equal("10.0.0.5", sut.EntityKey);
    }

    [Fact]
    public void FromLabels_PodWithoutService_UsesPod()
    {
        var sut = EntityResolver.FromLabels(LabelSet.From(("k8s.pod.name", "api-7d9f"), ("host.name", "node-1")));

        Assert.Equal("api-7d9f", sut.EntityKey);
        Assert.Equal("node-1", sut.Host);
    }

    [Fact]
    public void FromLabels_Nothing_IsUnknown() =>
        Assert.Equal(Resource.UnknownEntity, EntityResolver.FromLabels(LabelSet.Empty).EntityKey);

    [Fact]
    public void FromLabels_KubeStateMetricsAlertOnAPod_IsThePodsWorkloadNotTheExporter()
    {
        // KubePodCrashLooping as kube-prometheus raises it: the exporter's job, service and instance beside the pod's labels.
        var labels = LabelSet.From(("alertname", "KubePodCrashLooping"), ("job", "kube-state-metrics"), ("service", "prometheus-kube-state-metrics"),
            ("instance", "10.1.2.3:8080"), ("namespace", "shop"), ("pod", "cart-7d9f8b6c5-x2k4z"));

        var sut = EntityResolver.FromLabels(labels);

        Assert.Equal("cart", sut.EntityKey);
        Assert.Equal("cart-7d9f8b6c5-x2k4z", sut.Pod);
    }

    [Fact]
    public void FromLabels_KubeStateMetricsWithWorkloadLabel_UsesIt()
    {
        var labels = LabelSet.From(("alertname", "KubeStatefulSetReplicasMismatch"), ("job", "kube-state-metrics"), ("statefulset", "orders-db"), ("namespace", "shop"));

        Assert.Equal("orders-db", EntityResolver.FromLabels(labels).EntityKey);
    }

    [Fact]
    public void FromLabels_NodeExporterWithInstance_IsTheNode()
    {
        var labels = LabelSet.From(("alertname", "NodeFilesystemAlmostFull"), ("job", "node-exporter"), ("service", "prometheus-node-exporter"), ("instance", "node-3:9100"));

        Assert.Equal("node-3", EntityResolver.FromLabels(labels).EntityKey);
    }

    [Fact]
    public void FromLabels_CadvisorSeriesOfAContainer_IsTheContainersWorkload()
    {
        var labels = LabelSet.From(("__name__", "container_cpu_usage_seconds_total"), ("job", "kubelet"), ("service", "kubelet"), ("pod", "search-6c8d9b7f5d-p2w9x"), ("container", "search"), ("node", "node-1"));

        Assert.Equal("search", EntityResolver.FromLabels(labels).EntityKey);
    }

    [Fact]
    public void FromLabels_KubeletAboutItself_StaysKubelet()
    {
        // The kubelet's own log on a node names no pod: it is the subject.
        Assert.Equal("kubelet", EntityResolver.FromLabels(LabelSet.From(("service", "kubelet"), ("host", "node-2"))).EntityKey);
    }

    [Theory]
    [InlineData("cart-7d9f8b6c5-x2k4z", "cart")] // Deployment: template hash, then 5 generated characters
    [InlineData("payments-api-5b8c9d7f6b-zq2wt", "payments-api")]
    [InlineData("fluent-bit-7xk2p", "fluent-bit")] // DaemonSet or Job
    [InlineData("orders-db-0", "orders-db")] // StatefulSet ordinal
    [InlineData("kafka-12", "kafka")]
    public void WorkloadOf_GeneratedPodNames_GiveTheController(string pod, string expected) =>
        Assert.Equal(expected, EntityResolver.WorkloadOf(pod));

    [Theory]
    [InlineData("debug-shell")] // vowels: not generated
    [InlineData("api-7d9f")] // too short for a generated suffix
    [InlineData("standalone")]
    [InlineData("job-01")] // an ordinal never has a leading zero
    [InlineData("trailing-")]
    public void WorkloadOf_HandMadeNames_Null(string pod) => Assert.Null(EntityResolver.WorkloadOf(pod));
}
