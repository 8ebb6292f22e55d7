using System.Text.Json;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Tests.Common;

public sealed class JsonTextCacheTests
{
    [Fact]
    public void Name_SameRawNameTwice_SameStringInstance()
    {
        using var first = JsonDocument.Parse("""{"pod_template_hash_probe":1}""");
        using var second = JsonDocument.Parse("""{"pod_template_hash_probe":2}""");

        var a = JsonTextCache.Name(first.RootElement.EnumerateObject().First());
        var b = JsonTextCache.Name(second.RootElement.EnumerateObject().First());

        Assert.Equal("pod_template_hash_probe", a);
        Assert.Same(a, b);
    }

    [Fact]
    public void Name_EscapedName_EqualsPropertyName()
    {
        using var document = JsonDocument.Parse("""{"a\u0062c\"\u00e9":1,"abc\"é":2}""");

        foreach (var property in document.RootElement.EnumerateObject())
        {
            Assert.Equal(property.Name, JsonTextCache.Name(property));
        }
    }

    [Fact]
    public void Name_InvalidUtf8_ThrowsAsPropertyNameDoes()
    {
        byte[] payload = [(byte)'{', (byte)'"', (byte)'k', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        using var document = JsonDocument.Parse(payload);
        var property = document.RootElement.EnumerateObject().First();

        var expected = Assert.Throws<InvalidOperationException>(() => property.Name);
        var actual = Assert.Throws<InvalidOperationException>(() => JsonTextCache.Name(property));

        Assert.Equal(expected.Message, actual.Message);
    }

    [Theory]
    [InlineData("\"plain\"")]
    [InlineData("\"esc\\u0061ped \\\" \\u00e9\"")]
    [InlineData("12.50")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Scalar_AnyKindTwice_SameAsJsonScalar(string json)
    {
        using var document = JsonDocument.Parse(json);

        var first = JsonTextCache.Scalar(document.RootElement);
        var second = JsonTextCache.Scalar(document.RootElement);

        Assert.Equal(Json.Scalar(document.RootElement), first);
        Assert.Equal(first, second);
    }
}
