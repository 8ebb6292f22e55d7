using AIOps.RootCause.Series;

namespace AIOps.RootCause.Tests.Series;

public sealed class SeriesFrameTests
{
    [Fact]
    public void WithBaseline_RecordedLater_ShiftsBaselineInFrontAndAlignsColumnsByName()
    {
        var baseline = new SeriesFrame([1000, 1010, 1020], [SeriesColumn.FromName("a_x", [1, 2, 3]), SeriesColumn.FromName("b_y", [4, 5, 6])]);
        var incident = new SeriesFrame([100, 110], [SeriesColumn.FromName("b_y", [7, 8]), SeriesColumn.FromName("c_z", [9, 10])]);

        var sut = SeriesFrame.WithBaseline(baseline, incident);

        Assert.Equal([70.0, 80.0, 90.0, 100.0, 110.0], sut.Times);
        Assert.Equal(["a_x", "b_y", "c_z"], sut.Columns.Select(c => c.Name));
        Assert.Equal([4.0, 5.0, 6.0, 7.0, 8.0], sut.Columns[1].Values);
        Assert.True(double.IsNaN(sut.Columns[0].Values[3]));
        Assert.True(double.IsNaN(sut.Columns[2].Values[0]));
    }

    [Fact]
    public void RowAtOrAfter_BetweenRows_ReturnsNextRow()
    {
        var sut = new SeriesFrame([10, 20, 30], [SeriesColumn.FromName("a_x", [1, 2, 3])]);

        Assert.Equal(0, sut.RowAtOrAfter(5));
        Assert.Equal(1, sut.RowAtOrAfter(20));
        Assert.Equal(2, sut.RowAtOrAfter(25));
        Assert.Equal(3, sut.RowAtOrAfter(31));
    }

    [Fact]
    public void Constructor_TimesDescending_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SeriesFrame([2, 1], [SeriesColumn.FromName("a_x", [1, 2])]));
    }
}
