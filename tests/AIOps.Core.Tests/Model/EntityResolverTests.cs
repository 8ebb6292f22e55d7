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
}
