using System.Text;
using System.Text.Json;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Tests.Common;

public sealed class JsonArrayItemsTests
{
    [Fact]
    public void MoveNext_MixedItems_KindsAndExtentsInOrder()
    {
        var json = Encoding.UTF8.GetBytes("""[ 1, "two" /* c */, {"a":[3]}, [4,5], null, true ]""");
        var sut = new JsonArrayItems(json);
        var seen = new List<(JsonTokenType, string)>();

        while (sut.MoveNext(out var kind, out var item))
        {
            seen.Add((kind, Encoding.UTF8.GetString(item.Span)));
        }

        Assert.Equal(
            [(JsonTokenType.Number, "1"), (JsonTokenType.String, "\"two\""), (JsonTokenType.StartObject, """{"a":[3]}"""), (JsonTokenType.StartArray, "[4,5]"), (JsonTokenType.Null, "null"), (JsonTokenType.True, "true")],
            seen);
    }

    [Fact]
    public void MoveNext_EmptyArray_False()
    {
        var sut = new JsonArrayItems(Encoding.UTF8.GetBytes("[ ]"));

        Assert.False(sut.MoveNext(out _, out _));
    }
}
