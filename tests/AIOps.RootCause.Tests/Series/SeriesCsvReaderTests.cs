using AIOps.RootCause.Series;

namespace AIOps.RootCause.Tests.Series;

public sealed class SeriesCsvReaderTests
{
    [Fact]
    public void Read_UnixSeconds_ParsesTimesAndValues()
    {
        var csv = "time,carts_cpu,carts-db_mem\n1652565600,1.5,100\n1652565601,2.5,\n";

        var sut = SeriesCsvReader.Read(new StringReader(csv));

        Assert.Equal([1652565600.0, 1652565601.0], sut.Times);
        Assert.Equal(2, sut.Columns.Count);
        Assert.Equal([1.5, 2.5], sut.Columns[0].Values);
        Assert.Equal(100, sut.Columns[1].Values[0]);
        Assert.True(double.IsNaN(sut.Columns[1].Values[1]));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1652565601), sut.TimeAt(1));
    }

    [Fact]
    public void Read_Rfc3339_ConvertsToUnixSeconds()
    {
        var csv = "time,a_x\n2024-03-01T10:00:00Z,1\n2024-03-01T12:00:01.5+02:00,2\n";

        var sut = SeriesCsvReader.Read(new StringReader(csv));

        var first = DateTimeOffset.Parse("2024-03-01T10:00:00Z").ToUnixTimeSeconds();
        Assert.Equal(first, sut.Times[0]);
        Assert.Equal(first + 1.5, sut.Times[1], 6);
    }

    [Fact]
    public void Read_RowsOutOfOrder_SortsByTime()
    {
        var csv = "time,a_x\n20,2\n10,1\n30,3\n";

        var sut = SeriesCsvReader.Read(new StringReader(csv));

        Assert.Equal([10.0, 20.0, 30.0], sut.Times);
        Assert.Equal([1.0, 2.0, 3.0], sut.Columns[0].Values);
    }

    [Fact]
    public void Read_BadTime_ThrowsWithLineNumber()
    {
        var ex = Assert.Throws<FormatException>(() => SeriesCsvReader.Read(new StringReader("time,a_x\nyesterday,1\n")));

        Assert.Contains("line 2", ex.Message);
    }

    [Theory]
    [InlineData("carts-db_lat_90", "_", "carts-db", "lat_90")]
    [InlineData("front-end_cpu", "_", "front-end", "cpu")]
    [InlineData("nosep", "_", "nosep", SeriesColumn.DefaultMetric)]
    [InlineData("api.latency.p99", ".", "api", "latency.p99")]
    [InlineData("svc::cpu::user", "::", "svc", "cpu::user")]
    public void Split_SplitsAtFirstSeparator(string name, string separator, string entity, string metric)
    {
        var (actualEntity, actualMetric) = SeriesColumn.Split(name, separator);

        Assert.Equal(entity, actualEntity);
        Assert.Equal(metric, actualMetric);
    }

    [Fact]
    public void Read_CustomSeparator_AssignsEntities()
    {
        var sut = SeriesCsvReader.Read(new StringReader("time,db.cpu,db.mem,web.cpu\n1,1,2,3\n2,1,2,3\n"), ".");

        Assert.Equal(["db", "db", "web"], sut.Columns.Select(c => c.Entity));
        Assert.Equal(["cpu", "mem", "cpu"], sut.Columns.Select(c => c.Metric));
    }
}
