using AIOps.Ingest.Templates;

namespace AIOps.Ingest.Tests.Templates;

public sealed class LogMaskerTests
{
    private readonly LogMasker _sut = new(LogTemplateMinerDefaults.MaskingRules);

    [Theory]
    [InlineData("Invalid user admin from 173.234.31.186", "Invalid user admin from <*>")]
    [InlineData("request /10.10.34.11:45307 accepted", "request /<*> accepted")]
    [InlineData("id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 done", "id <*> done")]
    [InlineData("stack @0x7fed806eb5d", "stack @<*>")]
    [InlineData("took 35 ms, lifetime <1 sec", "took <*>, lifetime <*>")]
    [InlineData("size (18.4 KB) received", "size (<*>) received")]
    [InlineData("lifetime 02:07:33", "lifetime <*>")]
    [InlineData("at 2016-09-28 04:30:31.455 started", "at <*> started")]
    [InlineData("at Fri Jul  1 07:57:30 2005", "at <*>")]
    [InlineData("PacketResponder 1 for block blk_-6952295868487656571", "PacketResponder <*> for block blk_<*>")]
    [InlineData("uid=0 euid=0", "uid=<*> euid=<*>")]
    [InlineData("Block broadcast_9_piece0 stored", "Block broadcast_<*>_piece0 stored")]
    [InlineData("tenant 54fadb412c4e40cdbaed9335e4c35a9e created", "tenant <*> created")]
    [InlineData("GET /v2/54fadb41/servers/detail HTTP", "GET <*> HTTP")]
    [InlineData(@"Loaded C:\Windows\winsxs\cbscore.dll ok", "Loaded <*> ok")]
    [InlineData("creating device node '/udev/vcs2'", "creating device node '<*>'")]
    public void Mask_KnownValueShapes_BecomeWildcards(string message, string expected)
    {
        Assert.Equal(expected, _sut.Mask(message));
    }

    [Theory]
    [InlineData("ssh2 session opened")]
    [InlineData("mod_jk child workerEnv in error state")]
    [InlineData("see http://example.org/a/b for details")]
    [InlineData("deadline acceded")]
    public void Mask_WordsAndIdentifiersWithDigitsInside_AreKept(string message)
    {
        Assert.Equal(message, _sut.Mask(message));
    }

    [Fact]
    public void Mask_CustomRule_UsesItsReplacement()
    {
        var sut = new LogMasker([new MaskingRule("user", @"user=\w+", "user=<USER>")]);

        Assert.Equal("login user=<USER> ok", sut.Mask("login user=alice ok"));
    }

    [Fact]
    public void Mask_RulesWithDifferentReplacements_ApplyInOrder()
    {
        var sut = new LogMasker(
        [
            new MaskingRule("user", @"user=\w+", "user=<USER>"),
            new MaskingRule("cost", @"\$\d+", "<$>"),
            new MaskingRule("ip", @"\d+\.\d+\.\d+\.\d+"),
            new MaskingRule("number", @"\d+"),
        ]);

        Assert.Equal("user=<USER> from <*> paid <*> and <$>", sut.Mask("user=alice from 10.1.2.3 paid 12 and $5"));
    }

    [Fact]
    public void Mask_NoRules_ReturnsMessage()
    {
        Assert.Equal("keep 42", new LogMasker([]).Mask("keep 42"));
    }
}
