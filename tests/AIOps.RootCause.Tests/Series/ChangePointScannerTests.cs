using AIOps.RootCause.Series;

namespace AIOps.RootCause.Tests.Series;

public sealed class ChangePointScannerTests
{
    [Fact]
    public void Scan_NoisyStep_FindsStepRow()
    {
        var values = SyntheticSeries.Step(new Random(674386), 300, 180, before: 10, after: 14, noise: 1);

        var sut = ChangePointScanner.Scan(values);

        Assert.InRange(sut.Row, 177, 183);
        Assert.True(sut.Strength > 20, $"strength {sut.Strength}");
    }

    [Fact]
    public void Scan_PiecewiseConstantStep_FindsExactRow()
    {
        var values = SyntheticSeries.Step(new Random(1), 100, 37, before: 5, after: 9, noise: 0);

        var sut = ChangePointScanner.Scan(values);

        Assert.Equal(37, sut.Row);
    }

    [Fact]
    public void Scan_PureNoise_IsWeakerThanAStep()
    {
        var noise = SyntheticSeries.Step(new Random(7), 300, 150, before: 10, after: 10, noise: 1);
        var step = SyntheticSeries.Step(new Random(7), 300, 150, before: 10, after: 12, noise: 1);

        var sut = ChangePointScanner.Scan(noise);

        Assert.True(sut.Strength < new SeriesRcaOptions().OnsetStrength, $"noise strength {sut.Strength}");
        Assert.True(ChangePointScanner.Scan(step).Strength > 2 * sut.Strength);
    }

    [Fact]
    public void Scan_MissingValues_ReportsOriginalRow()
    {
        var values = SyntheticSeries.Step(new Random(3), 60, 30, before: 0, after: 5, noise: 0.1);
        values[10] = double.NaN;
        values[29] = double.NaN;

        var sut = ChangePointScanner.Scan(values);

        Assert.Equal(30, sut.Row);
    }

    [Fact]
    public void Scan_TooShort_ReturnsNone()
    {
        Assert.False(ChangePointScanner.Scan([1, 2, 3], minSegment: 2).Found);
    }
}
