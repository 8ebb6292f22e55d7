using AIOps.Detection.Rules;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Tests.Rules;

public sealed class SeasonHintTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("auto", false, null, 0)]
    [InlineData("none", true, true, 0)]
    [InlineData("hourly", true, false, 3600)]
    [InlineData("daily", true, false, 86400)]
    [InlineData("weekly", true, false, 604800)]
    [InlineData("12h", true, false, 43200)]
    public void TryParse_KnownForms_GiveTheHint(string text, bool hinted, bool? disabled, double seconds)
    {
        Assert.True(SeasonHint.TryParse(text, out var sut));

        Assert.Equal(hinted, sut is not null);
        Assert.Equal(disabled, sut?.Disabled);
        Assert.Equal(seconds, sut?.Period.TotalSeconds ?? 0);
    }

    [Theory]
    [InlineData("monthly")]
    [InlineData("30s")]
    [InlineData("")]
    public void TryParse_Unknown_Fails(string text) => Assert.False(SeasonHint.TryParse(text, out _));

    [Fact]
    public void Parse_BadSeason_ReportsItsLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => DetectionRulesFile.Parse("metrics:\n  - match: queue\n    season: fortnightly\n", "detection.yaml"));

        Assert.Contains("detection.yaml:3: season must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SameSeasonForTwoMetrics_SharesOneFactory()
    {
        var sut = DetectionRulesFile.Parse("metrics:\n  - match: \"queue_*\"\n    season: hourly\n");
        var live = new LiveDetectorFactory();

        var first = sut.Resolve("queue_depth", live, "live", 0.8);
        var second = sut.Resolve("queue_age", live, "live", 0.8);
        var other = sut.Resolve("latency_ms", live, "live", 0.8);

        Assert.Same(first.Factory, second.Factory);
        Assert.NotSame(live, first.Factory);
        Assert.Same(live, other.Factory);
    }

    [Fact]
    public void Resolve_HourlyHint_ModelsAnHourlyCycleTheAutomaticChoiceCannotSee()
    {
        // One-minute data: the automatic candidates (a day = 1,440 points, a week) do not fit, so no season is
        // modelled; the hint makes the hour the season, and a value that is normal for the series but wrong for
        // its place in the hour stands out.
        var rules = DetectionRulesFile.Parse("metrics:\n  - match: \"batch_*\"\n    detector: default\n    season: hourly\n  - match: \"plain_*\"\n    detector: default\n");
        var hinted = rules.Resolve("batch_queue", new LiveDetectorFactory(), "live", 0.8).Factory.Create("batch_queue");
        var automatic = rules.Resolve("plain_queue", new LiveDetectorFactory(), "live", 0.8).Factory.Create("plain_queue");

        var hintedPeak = Feed(hinted);
        var automaticPeak = Feed(automatic);

        Assert.True(hintedPeak > 0.5, $"hinted season: peak {hintedPeak:0.000}");
        Assert.True(automaticPeak < 0.3, $"automatic: peak {automaticPeak:0.000}");
    }

    // Ten hours of a square wave (low for the first half of each hour), then the high value in a low half-hour.
    private static double Feed(ISeriesDetector detector)
    {
        var peak = 0.0;
        for (var minute = 0; minute < 660; minute++)
        {
            var high = minute % 60 >= 30;
            var value = (high ? 20.0 : 10.0) + ((minute * 7919) % 5) * 0.1;
            if (minute is >= 610 and < 615)
            {
                value = 20.0;
            }

            var score = detector.Update(T0.AddMinutes(minute), value).Score;
            if (minute >= 610)
            {
                peak = Math.Max(peak, score);
            }
        }

        return peak;
    }
}
