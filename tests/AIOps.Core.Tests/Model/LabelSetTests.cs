using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Serialization;

namespace AIOps.Core.Tests.Model;

public sealed class LabelSetTests
{
    [Fact]
    public void From_DifferentOrder_IsEqualWithSameHashAndSeriesId()
    {
        var a = LabelSet.From(("host", "h1"), ("job", "api"));
        var b = LabelSet.From(("job", "api"), ("host", "h1"));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(SeriesId.Of("cpu", a), SeriesId.Of("cpu", b));
        Assert.NotEqual(SeriesId.Of("cpu", a), SeriesId.Of("mem", a));
    }

    [Fact]
    public void From_DuplicateKey_KeepsLastValue()
    {
        var sut = LabelSet.From(("k", "1"), ("k", "2"));

        Assert.Equal("2", sut.Get("k"));
        Assert.Null(sut.Get("missing"));
        Assert.Single(sut);
    }

    [Fact]
    public void SeriesId_IsStableAcrossProcesses()
    {
        // Pinned value (FNV-1a 64 over UTF-16LE bytes, computed independently): a change here breaks persisted ids.
        var sut = SeriesId.Of("cpu", LabelSet.From(("host", "h1")));

        Assert.Equal(StableHash.Hex(StableHash.Of("cpu", LabelSet.From(("host", "h1")))), sut.ToString());
        Assert.Equal("089be207b544f1e4", StableHash.Hex(StableHash.Of("a")));
    }

    [Fact]
    public void Json_RoundTripsAsPlainObject()
    {
        var sut = LabelSet.From(("b", "2"), ("a", "1"));

        var json = JsonSerializer.Serialize(sut, AiopsJson.Options);

        Assert.Equal("""{"a":"1","b":"2"}""", json);
        Assert.Equal(sut, JsonSerializer.Deserialize<LabelSet>(json, AiopsJson.Options));
    }
}
