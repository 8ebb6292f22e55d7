using System.Text.Json;
using AIOps.Ingest.Mapping;

namespace AIOps.Ingest.Tests.Mapping;

public sealed class FieldPathTests
{
    [Theory]
    [InlineData("a", "1")]
    [InlineData("b.c", "2")]
    [InlineData("service.name", "dotted")]
    [InlineData("log.level", "nested")]
    [InlineData("b.d.e", "true")]
    public void ResolveScalar_ExistingField_ReturnsItsText(string path, string expected)
    {
        using var document = JsonDocument.Parse("""{"a":1,"b":{"c":"2","d":{"e":true}},"service.name":"dotted","log":{"level":"nested"}}""");
        var sut = new FieldPath(path);

        Assert.Equal(expected, sut.ResolveScalar(document.RootElement));
    }

    [Fact]
    public void TryResolve_DottedKeyAndNestedObjectBothExist_PrefersTheLongestKey()
    {
        using var document = JsonDocument.Parse("""{"service":{"name":"nested"},"service.name":"flat"}""");
        var sut = new FieldPath("service.name");

        Assert.True(sut.TryResolve(document.RootElement, out var value));
        Assert.Equal("flat", value.GetString());
    }

    [Fact]
    public void TryResolve_LongestKeyLeadsNowhere_FallsBackToShorterSegments()
    {
        using var document = JsonDocument.Parse("""{"a.b":{"x":1},"a":{"b":{"c":"found"}}}""");
        var sut = new FieldPath("a.b.c");

        Assert.Equal("found", sut.ResolveScalar(document.RootElement));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("a.missing")]
    [InlineData("a.b.c")]
    public void ResolveScalar_MissingOrThroughAScalar_ReturnsNull(string path)
    {
        using var document = JsonDocument.Parse("""{"a":{"b":5}}""");

        Assert.Null(new FieldPath(path).ResolveScalar(document.RootElement));
    }

    [Fact]
    public void ResolveScalar_ObjectValue_ReturnsNull()
    {
        using var document = JsonDocument.Parse("""{"a":{"b":5}}""");

        Assert.Null(new FieldPath("a").ResolveScalar(document.RootElement));
    }
}
