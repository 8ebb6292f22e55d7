using AIOps.Accuracy.Correlation;

namespace AIOps.Accuracy.Tests.Correlation;

public sealed class TelemetryVolumeTests
{
    [Theory]
    [InlineData("suite", 2, 1)]
    [InlineData("fleet", 3, 4)]
    [InlineData("1x1", 1, 1)]
    [InlineData("6x8", 6, 8)]
    public void Parse_KnownNamesAndSizes_GiveThatVolume(string text, int pods, int routes)
    {
        var sut = TelemetryVolume.Parse(text);

        Assert.Equal(new TelemetryVolume(pods, routes), sut);
    }

    [Theory]
    [InlineData("big")]
    [InlineData("0x4")]
    [InlineData("3x9")]
    [InlineData("3x")]
    public void Parse_Unknown_ThrowsWithTheAccepted(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => TelemetryVolume.Parse(text));

        Assert.Contains("PODSxROUTES", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_FleetVolume_OneSeriesPerPodAndRoute()
    {
        var spec = ScenarioCatalog.All[0] with { Steps = 2, NoiseEvents = 0, Volume = TelemetryVolume.Fleet };

        var (lines, _) = new ScenarioGenerator(spec).Generate();

        var webSeries = lines.Where(l => l.Contains("http,service=web,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 * 3 * 4, webSeries.Count); // two steps, three pods, four routes
        Assert.Contains(webSeries, l => l.Contains("pod=web-2,", StringComparison.Ordinal) && l.Contains("route=/api/web/update", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_SuiteVolume_TwoPodsWithoutRouteLabel()
    {
        // The suite's committed dumps and every figure measured on them depend on these bytes staying as they were.
        var spec = ScenarioCatalog.All[0] with { Steps = 2, NoiseEvents = 0 };

        var (lines, _) = new ScenarioGenerator(spec).Generate();

        var webSeries = lines.Where(l => l.Contains("http,service=web,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 * 2, webSeries.Count);
        Assert.DoesNotContain(webSeries, l => l.Contains("route=", StringComparison.Ordinal));
    }
}
