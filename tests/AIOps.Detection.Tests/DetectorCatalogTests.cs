namespace AIOps.Detection.Tests;

public class DetectorCatalogTests
{
    public static TheoryData<string> Names() => [.. DetectorCatalog.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void TryCreate_EveryDetectorOnHostileInput_ScoresInUnitInterval(string name)
    {
        Assert.True(DetectorCatalog.TryCreate(name, out var factory));
        var sut = factory.Create("m");
        var random = new Random(674386);
        double[] hostile = [double.NaN, double.PositiveInfinity, 1e308, -1e308, 0, 0, 0, double.Epsilon];
        for (var i = 0; i < 1500; i++)
        {
            var value = i % 97 == 0 ? hostile[i / 97 % hostile.Length] : (i < 700 ? 5.0 : random.NextDouble() * 100);
            var score = sut.Update(SeriesBuilder.At(i * (i % 50 == 0 ? 7 : 1)), value).Score;
            Assert.InRange(score, 0.0, 1.0);
        }
    }

    [Fact]
    public void TryCreate_UnknownName_ReturnsFalse()
    {
        Assert.False(DetectorCatalog.TryCreate("nope", out _));
    }

    [Fact]
    public void TryCreate_MalformedParameter_Throws()
    {
        Assert.Throws<FormatException>(() => DetectorCatalog.TryCreate("default?refractory=abc", out _));
    }

    [Fact]
    public void WithFallbacks_ExplicitValueWins()
    {
        var sut = DetectorParameters.Parse("a=1").WithFallbacks("a=2&b=3");

        Assert.Equal(1.0, sut.Get("a", 0.0));
        Assert.Equal(3.0, sut.Get("b", 0.0));
    }
}
