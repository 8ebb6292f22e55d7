using AIOps.Ingest.Templates;

namespace AIOps.Ingest.Tests.Templates;

public sealed class TemplateAlignmentTests
{
    [Fact]
    public void Merge_InsertedRun_BecomesOneWildcard()
    {
        var merged = TemplateAlignment.Merge(
            ["<*>", "bytes", "sent,", "lifetime", "<*>"],
            ["<*>", "bytes", "(<*>)", "(<*>)", "sent,", "lifetime", "<*>"]);

        Assert.Equal("<*> bytes <*> sent, lifetime <*>", string.Join(' ', merged));
    }

    [Fact]
    public void Merge_AdjacentWildcards_Collapse()
    {
        var merged = TemplateAlignment.Merge(["a", "<*>", "b"], ["a", "x", "<*>", "b"]);

        Assert.Equal("a <*> b", string.Join(' ', merged));
    }

    [Fact]
    public void Similarity_WildcardFacingValue_CountsAsMatch_WildcardFacingWord_DoesNot()
    {
        var (withValue, _) = TemplateAlignment.Similarity(["open", "<*>"], ["open", "port42"]);
        var (withWord, parameters) = TemplateAlignment.Similarity(["open", "<*>"], ["open", "closed"]);

        Assert.Equal(1.0, withValue);
        Assert.Equal(0.5, withWord);
        Assert.Equal(1, parameters);
    }

    [Fact]
    public void SkeletonKey_KeepsConstantWordsOnly()
    {
        Assert.Equal("close, bytes sent", TemplateAlignment.SkeletonKey(["<*>", "close,", "12", "bytes", "sent"], 2));
        Assert.Null(TemplateAlignment.SkeletonKey(["<*>", "done", "42"], 2));
    }
}
