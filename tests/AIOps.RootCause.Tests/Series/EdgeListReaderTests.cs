using AIOps.RootCause.Series;

namespace AIOps.RootCause.Tests.Series;

public sealed class EdgeListReaderTests
{
    [Fact]
    public void Read_HeaderAndRows_SourceCallsTarget()
    {
        var sut = EdgeListReader.Read(new StringReader("source,target\nweb,orders\norders,db\n\n# comment\n"));

        Assert.Equal(["orders"], sut.Callees("web"));
        Assert.Equal(["orders"], sut.Callers("db"));
        Assert.Equal(2, sut.Edges().Count);
    }

    [Fact]
    public void Read_MalformedRow_Throws()
    {
        Assert.Throws<FormatException>(() => EdgeListReader.Read(new StringReader("web\n")));
    }
}
