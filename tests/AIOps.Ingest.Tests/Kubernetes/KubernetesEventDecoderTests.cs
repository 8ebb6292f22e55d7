using AIOps.Core.Model;
using AIOps.Ingest.Kubernetes;

namespace AIOps.Ingest.Tests.Kubernetes;

public sealed class KubernetesEventDecoderTests
{
    [Fact]
    public void Decode_CoreV1Warning_AlertOnPodWithWorkloadService()
    {
        var sut = new KubernetesEventDecoder();

        var e = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Samples.KubernetesCoreEvent)));

        Assert.Equal(EventKind.Alert, e.Kind);
        Assert.Equal(Severity.Warning, e.Severity);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 10, TimeSpan.Zero), e.Timestamp);
        Assert.StartsWith("BackOff Pod/payment-6b8d7f9c4-qz8wn: Back-off restarting", e.Title, StringComparison.Ordinal);
        Assert.Equal("4", e.Annotations.Get("count"));
        Assert.Equal("payment", e.Resource.Service);
        Assert.Equal("payment-6b8d7f9c4-qz8wn", e.Resource.Pod);
        Assert.Equal("shop", e.Resource.Namespace);
        Assert.Equal("node-2", e.Resource.Host);
        Assert.Equal("kubernetes", e.Source);
    }

    [Fact]
    public void Decode_EventsV1ScalingReplicaSet_ChangeOnDeployment()
    {
        var sut = new KubernetesEventDecoder();

        var e = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Samples.KubernetesEventsV1)));

        Assert.Equal(EventKind.Change, e.Kind);
        Assert.Equal(Severity.Info, e.Severity);
        Assert.Equal("checkout", e.Resource.Service);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 57, 2, TimeSpan.Zero).AddTicks(1234560), e.Timestamp);
        Assert.Equal("Scaled up replica set checkout-5c9d7b8f6 to 3 from 2", e.Annotations.Get("message"));
    }

    [Fact]
    public void Decode_RepeatedEvent_SameFingerprint()
    {
        var sut = new KubernetesEventDecoder();

        var first = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Samples.KubernetesCoreEvent)));
        var again = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Samples.KubernetesCoreEvent.Replace("\"count\":4", "\"count\":5", StringComparison.Ordinal))));

        Assert.Equal(first.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public void Decode_SeriesCount_UsesSeries()
    {
        var sut = new KubernetesEventDecoder();
        const string Payload = """{"apiVersion":"events.k8s.io/v1","regarding":{"kind":"Node","name":"node-3"},"reason":"NodeNotReady","note":"Node node-3 status is now: NodeNotReady","type":"Warning","eventTime":"2026-11-27T15:00:00.000000Z","series":{"count":7,"lastObservedTime":"2026-11-27T15:30:00.000000Z"}}""";

        var e = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Equal("7", e.Annotations.Get("count"));
        Assert.Equal(Severity.Error, e.Severity);
        Assert.Equal("node-3", e.Resource.Host);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 30, 0, TimeSpan.Zero), e.Timestamp);
    }

    [Fact]
    public void Decode_WatchEnvelopeAndList_Unwrapped()
    {
        var sut = new KubernetesEventDecoder();

        Assert.Single(sut.DecodeOk("{\"type\":\"ADDED\",\"object\":" + Samples.KubernetesCoreEvent + "}"));
        Assert.Empty(sut.DecodeOk("{\"type\":\"DELETED\",\"object\":" + Samples.KubernetesCoreEvent + "}"));
        Assert.Equal(2, sut.DecodeOk("{\"kind\":\"EventList\",\"items\":[" + Samples.KubernetesCoreEvent + "," + Samples.KubernetesEventsV1 + "]}").Count);
    }

    [Theory]
    [InlineData("Pod", "checkout-5c9d7b8f6-abcde", "checkout")]
    [InlineData("Pod", "redis-0", "redis")]
    [InlineData("Pod", "standalone", null)]
    [InlineData("ReplicaSet", "checkout-5c9d7b8f6", "checkout")]
    [InlineData("Deployment", "checkout", "checkout")]
    [InlineData("Node", "node-1", null)]
    public void Workload_Names_DerivedFromConventions(string kind, string name, string? expected)
    {
        Assert.Equal(expected, KubernetesEventClassifier.Workload(kind, name));
    }

    [Theory]
    [InlineData("""{"reason":"x","type":"Normal","lastTimestamp":"2026-11-27T15:00:00Z"}""", "no involvedObject")]
    [InlineData("""{"involvedObject":{"kind":"Pod","name":"a"},"reason":"x"}""", "no timestamp")]
    [InlineData("""[1]""", "not a JSON object")]
    public void Decode_Malformed_FailsWithReason(string payload, string reason)
    {
        var sut = new KubernetesEventDecoder();

        Assert.Contains(reason, sut.DecodeFail(payload), StringComparison.Ordinal);
    }
}
