using System.Text;
using System.Text.Json;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Tests.Common;

/// <summary>JsonFields must answer as the JsonElement accessors in Json do, on the same object.</summary>
public sealed class JsonFieldsTests
{
    private const string Sample = """{"a":"1","b\u0062":2.50,"a":"last","t":true,"n":null,"o":{"x":"y"},"arr":[1,{"z":1}],"e":"\u00e9\n"}""";

    [Theory]
    [InlineData("a")]
    [InlineData("bb")]
    [InlineData("t")]
    [InlineData("n")]
    [InlineData("o")]
    [InlineData("arr")]
    [InlineData("e")]
    [InlineData("missing")]
    public void String_AnyMember_SameAsJsonString(string name)
    {
        using var document = JsonDocument.Parse(Sample);
        using var sut = JsonFields.Read(Encoding.UTF8.GetBytes(Sample));

        Assert.Equal(document.RootElement.String(name), sut.String(name));
    }

    [Fact]
    public void Members_InOrder_NamesKindsAndScalarsAsEnumerateObject()
    {
        using var document = JsonDocument.Parse(Sample);
        using var sut = JsonFields.Read(Encoding.UTF8.GetBytes(Sample));

        var expected = document.RootElement.EnumerateObject().Select(p => (p.Name, Json.Scalar(p.Value))).ToList();
        var actual = Enumerable.Range(0, sut.Count).Select(i => (sut.Name(i), sut.Scalar(i))).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Object_NestedMember_IndexedOnItsOwn()
    {
        using var sut = JsonFields.Read(Encoding.UTF8.GetBytes(Sample));

        using var nested = sut.Object("o");

        Assert.NotNull(nested);
        Assert.Equal("y", nested.String("x"));
        Assert.Null(sut.Object("arr"));
        Assert.Null(sut.Object("a"));
    }

    [Theory]
    [InlineData("""{"t":"2026-11-27T16:00:00Z"}""")]
    [InlineData("""{"t":1795795200.25}""")]
    [InlineData("""{"t":"1795795200123"}""")]
    [InlineData("""{"t":1e400}""")]
    [InlineData("""{"t":""}""")]
    [InlineData("""{"t":false}""")]
    public void TryGetTimestamp_AnyKind_SameAsJsonTryGetTimestamp(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var sut = JsonFields.Read(Encoding.UTF8.GetBytes(json));

        var expectedOk = document.RootElement.TryGetTimestamp("t", out var expected);
        var actualOk = sut.TryGetTimestamp(sut.LastIndexOf("t"), out var actual);

        Assert.Equal(expectedOk, actualOk);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Read_AfterDispose_ReusesTheInstanceWithoutOldMembers()
    {
        var first = JsonFields.Read(Encoding.UTF8.GetBytes("""{"a":1,"b":2}"""));
        first.Dispose();

        using var second = JsonFields.Read(Encoding.UTF8.GetBytes("""{"c":3}"""));

        Assert.Same(first, second);
        Assert.Equal(1, second.Count);
        Assert.Equal(-1, second.LastIndexOf("a"));
    }

    [Fact]
    public void Read_ManyMembers_GrowsPastTheInitialCapacity()
    {
        var json = "{" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}")) + "}";

        using var sut = JsonFields.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(40, sut.Count);
        Assert.Equal("39", sut.String("k39"));
    }
}
