using AIOps.Core.Model;
using AIOps.Ingest.Templates;

namespace AIOps.Ingest.Tests.Templates;

public sealed class LogTemplateMinerTests
{
    [Fact]
    public void Add_FirstMessage_IsNewWithMaskedTemplate()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions());

        var match = sut.Add("Accepted password for alice from 10.0.0.1 port 22 ssh2");

        Assert.True(match.IsNew);
        Assert.Equal("Accepted password for alice from <*> port <*> ssh2", match.Template);
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Add_SameEventAgain_IsNotNew()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions());
        var first = sut.Add("session opened for user alice by (uid=0)");

        var second = sut.Add("session opened for user alice by (uid=1000)");

        Assert.False(second.IsNew);
        Assert.Equal(first.TemplateId, second.TemplateId);
    }

    [Fact]
    public void Add_ParameterWord_GeneralizesToWildcard()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions());
        sut.Add("Failed password for alice from 10.0.0.1 port 22 ssh2");

        var match = sut.Add("Failed password for bob from 10.0.0.2 port 23 ssh2");

        Assert.False(match.IsNew);
        Assert.Equal("Failed password for <*> from <*> port <*> ssh2", match.Template);
    }

    [Fact]
    public void Add_Generalization_KeepsIdDerivedFromFirstTemplate()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions());
        var first = sut.Add("Failed password for alice from 10.0.0.1 port 22 ssh2");

        var generalized = sut.Add("Failed password for bob from 10.0.0.2 port 23 ssh2");

        Assert.Equal(first.TemplateId, generalized.TemplateId);
        Assert.Equal(StableHash.Hex(StableHash.Of("Failed password for alice from <*> port <*> ssh2")), first.TemplateId);
        Assert.True(sut.TryGetTemplate(first.TemplateId, out var template));
        Assert.Equal(generalized.Template, template);
    }

    [Fact]
    public void Add_SameMessageInTwoMiners_GetsSameId()
    {
        var a = new LogTemplateMiner(new LogTemplateMinerOptions());
        var b = new LogTemplateMiner(new LogTemplateMinerOptions());
        b.Add("unrelated message first");

        Assert.Equal(a.Add("disk /dev/sda1 is 91% full").TemplateId, b.Add("disk /dev/sda1 is 91% full").TemplateId);
    }

    [Fact]
    public void Add_DifferentTokenCount_GoesToAnotherTemplate()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions());
        var short1 = sut.Add("Connection closed by peer");

        var long1 = sut.Add("Connection closed by remote host now");

        Assert.True(long1.IsNew);
        Assert.NotEqual(short1.TemplateId, long1.TemplateId);
    }

    [Fact]
    public void Add_DifferentLeadingWords_AreSeparateBranches()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions { SimilarityThreshold = 0.1 });
        var a = sut.Add("Starting service alpha now");

        var b = sut.Add("Stopping service alpha now");

        Assert.True(b.IsNew);
        Assert.NotEqual(a.TemplateId, b.TemplateId);
    }

    [Fact]
    public void Add_BelowSimilarityThreshold_StartsNewTemplate()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions { SimilarityThreshold = 0.8 });
        var a = sut.Add("job alpha finished with state good and flags clean");

        var b = sut.Add("job alpha aborted after step three by operator request");

        Assert.True(b.IsNew);
        Assert.NotEqual(a.TemplateId, b.TemplateId);
    }

    [Fact]
    public void Add_MaxChildrenReached_NewLeadingWordsShareWildcardBranch()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions { MaxChildren = 2, SimilarityThreshold = 0.5 });
        sut.Add("alpha task done ok");

        // The root of length 4 has room for one named child; later first words go to the wildcard branch,
        // where they meet and the first word generalizes.
        var beta = sut.Add("beta task done ok");
        var gamma = sut.Add("gamma task done ok");

        Assert.Equal(beta.TemplateId, gamma.TemplateId);
        Assert.Equal("<*> task done ok", gamma.Template);
    }

    [Fact]
    public void Add_SameConstantWordsDifferentLength_JoinsTemplate()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions());
        var plain = sut.Add("proxy:5070 close, 403 bytes sent, 426 bytes received, lifetime 00:01");

        var withSizes = sut.Add("proxy:5070 close, 1190 bytes (1.16 KB) sent, 1671 bytes (1.63 KB) received, lifetime 00:02");

        Assert.False(withSizes.IsNew);
        Assert.Equal(plain.TemplateId, withSizes.TemplateId);
        Assert.Equal("proxy:<*> close, <*> bytes <*> sent, <*> bytes <*> received, lifetime <*>", withSizes.Template);
    }

    [Fact]
    public void Add_SameConstantWordsButVeryLong_DoesNotAlign()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions());
        var words = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"w{(char)('a' + (i % 26))}"));
        var shorter = sut.Add($"start {words} 1 end");

        var longer = sut.Add($"start {words} 1 2 end");

        Assert.True(longer.IsNew);
        Assert.NotEqual(shorter.TemplateId, longer.TemplateId);
    }

    [Fact]
    public void Add_SettledTemplateAndDifferentValue_StillJoins()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions { SettledAfter = 3 });
        TemplateMatch first = default;
        for (var i = 0; i < 3; i++)
        {
            first = sut.Add("session s7x1 opened for client alpha");
        }

        var other = sut.Add("session s9x1 opened for client alpha");

        Assert.False(other.IsNew);
        Assert.Equal(first.TemplateId, other.TemplateId);
    }

    [Fact]
    public void Add_SettledConstantChanges_StartsNewTemplate()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions { SettledAfter = 5 });
        TemplateMatch https = default;
        for (var i = 0; i < 5; i++)
        {
            https = sut.Add($"host{i}:80 open through proxy p:5070 HTTPS");
        }

        var socks = sut.Add("host9:22 open through proxy p:5070 SOCKS");

        Assert.True(socks.IsNew);
        Assert.NotEqual(https.TemplateId, socks.TemplateId);
    }

    [Fact]
    public void Add_ConstantChangesBeforeSettled_Generalizes()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions { SettledAfter = 5, SimilarityThreshold = 0.6 });
        var https = sut.Add("host1:80 open through proxy p:5070 HTTPS");

        var socks = sut.Add("host9:22 open through proxy p:5070 SOCKS");

        Assert.Equal(https.TemplateId, socks.TemplateId);
        Assert.Equal("<*> open through proxy p:<*> <*>", socks.Template);
    }

    [Fact]
    public void Add_MoreTemplatesThanMaxClusters_EvictsLeastRecentlyUsed()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions { MaxClusters = 2 });
        var a = sut.Add("alpha event happened here");
        var b = sut.Add("beta thing went wrong badly now");
        sut.Add("alpha event happened here");

        var c = sut.Add("gamma unit restarted");

        Assert.Equal(2, sut.Count);
        Assert.Equal(1, sut.Evictions);
        Assert.True(sut.TryGetTemplate(a.TemplateId, out _));
        Assert.False(sut.TryGetTemplate(b.TemplateId, out _));
        Assert.True(sut.TryGetTemplate(c.TemplateId, out _));
        Assert.True(sut.Add("beta thing went wrong badly now").IsNew);
    }

    [Fact]
    public void Snapshot_ListsTemplatesMostRecentFirstWithCounts()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions());
        var disk = sut.Add("disk /dev/sda1 is 91% full");
        sut.Add("disk /dev/sda1 is 92% full");
        var login = sut.Add("Accepted password for alice from 10.0.0.1 port 22 ssh2");

        var snapshot = sut.Snapshot();

        Assert.Equal([new LogTemplate(login.TemplateId, login.Template, 1), new LogTemplate(disk.TemplateId, "disk <*> is <*>% full", 2)], snapshot);
    }

    [Fact]
    public void Add_ManyDistinctTemplatesUnderSmallBound_KeepsTreeBounded()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions { MaxClusters = 3 });
        for (var i = 0; i < 200; i++)
        {
            // Distinct leading words and lengths: each message needs its own branch of the tree.
            var words = string.Join(' ', Enumerable.Repeat("tail", i % 7));
            sut.Add($"event{(char)('a' + (i % 26))}{(char)('a' + (i / 26))} happened {words}");
        }

        Assert.Equal(3, sut.Count);
        Assert.Equal(197, sut.Evictions);
        Assert.True(sut.TreeNodeCount() <= 3 * 3, $"tree has {sut.TreeNodeCount()} nodes");
    }

    [Fact]
    public void Add_EmptyMessage_HasEmptyTemplate()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions());

        var first = sut.Add(string.Empty);
        var second = sut.Add("   ");

        Assert.Equal(string.Empty, first.Template);
        Assert.Equal(first.TemplateId, second.TemplateId);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogTemplateMiner(new LogTemplateMinerOptions { Depth = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogTemplateMiner(new LogTemplateMinerOptions { SimilarityThreshold = 1.5 }));
    }
}
