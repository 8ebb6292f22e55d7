using System.Text.Json;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Tests.Common;

public sealed class JsonPropertyNamesTests
{
    [Fact]
    public void NameOf_SameRawNameTwice_SameStringInstance()
    {
        using var first = JsonDocument.Parse("""{"pod_template_hash_probe":1}""");
        using var second = JsonDocument.Parse("""{"pod_template_hash_probe":2}""");

        var a = JsonPropertyNames.NameOf(first.RootElement.EnumerateObject().First());
        var b = JsonPropertyNames.NameOf(second.RootElement.EnumerateObject().First());

        Assert.Equal("pod_template_hash_probe", a);
        Assert.Same(a, b);
    }

    [Fact]
    public void NameOf_EscapedName_EqualsPropertyName()
    {
        using var document = JsonDocument.Parse("""{"a\u0062c\"\u00e9":1,"abc\"é":2}""");

        foreach (var property in document.RootElement.EnumerateObject())
        {
            Assert.Equal(property.Name, JsonPropertyNames.NameOf(property));
        }
    }

    [Fact]
    public void NameOf_InvalidUtf8_ThrowsAsPropertyNameDoes()
    {
        byte[] payload = [(byte)'{', (byte)'"', (byte)'k', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        using var document = JsonDocument.Parse(payload);
        var property = document.RootElement.EnumerateObject().First();

        var expected = Assert.Throws<InvalidOperationException>(() => property.Name);
        var actual = Assert.Throws<InvalidOperationException>(() => JsonPropertyNames.NameOf(property));

        Assert.Equal(expected.Message, actual.Message);
    }
}
