using AIOps.Ingest.Templates;

namespace AIOps.Ingest.Tests.Templates;

public sealed class LogTemplateMinerPersistenceTests
{
    [Fact]
    public void Load_AfterSave_KeepsIdsTemplatesAndGeneralization()
    {
        var options = new LogTemplateMinerOptions();
        var sut = new LogTemplateMiner(options);
        var login = sut.Add("Failed password for alice from 10.0.0.1 port 22 ssh2");
        sut.Add("Failed password for bob from 10.0.0.2 port 23 ssh2");
        var disk = sut.Add("disk /dev/sda1 is 91% full");

        var restored = RoundTrip(sut, options);
        var loginAgain = restored.Add("Failed password for carol from 10.0.0.3 port 24 ssh2");
        var diskAgain = restored.Add("disk /dev/sda1 is 95% full");

        Assert.Equal(2, restored.Count);
        Assert.False(loginAgain.IsNew);
        Assert.Equal(login.TemplateId, loginAgain.TemplateId);
        Assert.Equal("Failed password for <*> from <*> port <*> ssh2", loginAgain.Template);
        Assert.False(diskAgain.IsNew);
        Assert.Equal(disk.TemplateId, diskAgain.TemplateId);
    }

    [Fact]
    public void Load_AfterSave_KeepsMultiShapeTemplatesAndEvictionCount()
    {
        var options = new LogTemplateMinerOptions { MaxClusters = 2 };
        var sut = new LogTemplateMiner(options);
        sut.Add("first filler event");
        sut.Add("second filler event here");
        var close = sut.Add("p:5070 close, 403 bytes sent, lifetime 00:01");
        sut.Add("p:5070 close, 1190 bytes (1.16 KB) sent, lifetime 00:02");

        var restored = RoundTrip(sut, options);
        var again = restored.Add("p:5070 close, 2000 bytes (1.95 KB) sent, lifetime 00:03");

        Assert.Equal(1, restored.Evictions);
        Assert.False(again.IsNew);
        Assert.Equal(close.TemplateId, again.TemplateId);
        Assert.Equal("p:<*> close, <*> bytes <*> sent, lifetime <*>", again.Template);
    }

    [Fact]
    public void Load_WithSmallerMaxClusters_EvictsLeastRecentlyUsed()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions());
        var old = sut.Add("alpha event happened here");
        var recent = sut.Add("beta thing went wrong badly now");

        var restored = RoundTrip(sut, new LogTemplateMinerOptions { MaxClusters = 1 });

        Assert.Equal(1, restored.Count);
        Assert.Equal(1, restored.Evictions);
        Assert.False(restored.TryGetTemplate(old.TemplateId, out _));
        Assert.True(restored.TryGetTemplate(recent.TemplateId, out _));
    }

    [Fact]
    public void Load_StateFromAnotherDepth_ReroutesAndKeepsIds()
    {
        var sut = new LogTemplateMiner(new LogTemplateMinerOptions { Depth = 6 });
        var first = sut.Add("worker pool alpha resized to 4 threads");

        var restored = RoundTrip(sut, new LogTemplateMinerOptions { Depth = 3 });

        Assert.Equal(first.TemplateId, restored.Add("worker pool alpha resized to 8 threads").TemplateId);
    }

    [Fact]
    public void Load_UnknownVersion_Throws()
    {
        using var stream = new MemoryStream("""{"version":99,"evictions":0,"clusters":[]}"""u8.ToArray());

        Assert.Throws<InvalidDataException>(() => LogTemplateMiner.Load(stream, new LogTemplateMinerOptions()));
    }

    private static LogTemplateMiner RoundTrip(LogTemplateMiner miner, LogTemplateMinerOptions options)
    {
        using var stream = new MemoryStream();
        miner.Save(stream);
        stream.Position = 0;
        return LogTemplateMiner.Load(stream, options);
    }
}
