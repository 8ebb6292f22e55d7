using AIOps.Core.Model;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Tests.Common;

public sealed class LabelsTests
{
    [Fact]
    public void BuildAndReturn_DuplicateKeys_LastValueWinsAsLabelSetFrom()
    {
        var items = Labels.Rent();
        items.AddRange([new("b", "1"), new("a", "2"), new("b", "3")]);

        var sut = Labels.BuildAndReturn(items);

        Assert.Equal(LabelSet.From(("a", "2"), ("b", "3")), sut);
    }

    [Fact]
    public void Rent_AfterReturn_ReusesTheClearedList()
    {
        var first = Labels.Rent();
        first.Add(new("k", "v"));
        Labels.Return(first);

        var again = Labels.Rent();

        Assert.Same(first, again);
        Assert.Empty(again);
        Labels.Return(again);
    }

    [Fact]
    public void Rent_WhileAnotherIsOut_GivesADifferentList()
    {
        var outer = Labels.Rent();
        var inner = Labels.Rent();

        Assert.NotSame(outer, inner);
        Labels.Return(inner);
        Labels.Return(outer);
    }

    [Theory]
    [InlineData("le", "0.5")]
    [InlineData("a", "3")]
    public void With_NewOrExistingKey_SameAsLabelSetWith(string key, string value)
    {
        var labels = LabelSet.From(("a", "1"), ("z", "2"));

        var sut = Labels.With(labels, key, value);

        Assert.Equal(labels.With(key, value), sut);
    }
}
