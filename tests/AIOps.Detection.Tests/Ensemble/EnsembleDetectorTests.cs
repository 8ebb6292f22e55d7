using AIOps.Detection.Calibration;
using AIOps.Detection.Ensemble;
using AIOps.Detection.Robust;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Tests.Ensemble;

public class EnsembleDetectorTests
{
    private static EnsembleDetector Create(int refractory, double factor) => new(
        [new RangeNoveltyScorer(decay: 0)],
        [new CalibrationSettings(RangeHalf: 0.1)],
        new EnsembleOptions { MinPoints = 5, AlarmLevel = 0.5, RefractoryPoints = refractory, RefractoryFactor = factor });

    [Fact]
    public void Update_SecondAlarmWithinRefractory_IsDamped()
    {
        var sut = Create(refractory: 10, factor: 0.5);
        for (var i = 0; i < 50; i++)
        {
            sut.Update(SeriesBuilder.At(i), i % 2);
        }

        var first = sut.Update(SeriesBuilder.At(50), 3).Score;   // 2 ranges above
        var second = sut.Update(SeriesBuilder.At(51), 8).Score;  // ~1.7 ranges above the new max, damped

        Assert.True(first >= 0.5);
        Assert.True(second < 0.5, $"second {second}");
    }

    [Fact]
    public void Update_RefractoryOnOdds_DampsAModestRepeatButNotAFarLargerExcursion()
    {
        var sut = new EnsembleDetector(
            [new RangeNoveltyScorer(decay: 0)],
            [new CalibrationSettings(RangeHalf: 0.1)],
            new EnsembleOptions { MinPoints = 5, AlarmLevel = 0.5, RefractoryPoints = 10, RefractoryFactor = 0.2, RefractoryOnOdds = true });
        for (var i = 0; i < 50; i++)
        {
            sut.Update(SeriesBuilder.At(i), i % 2);
        }

        var first = sut.Update(SeriesBuilder.At(50), 3).Score;     // 2 ranges above: 0.95
        var modest = sut.Update(SeriesBuilder.At(51), 3.1).Score;  // 0.033 ranges above: odds 0.33 x 0.2
        var huge = sut.Update(SeriesBuilder.At(52), 300).Score;    // ~96 ranges above: odds 960 x 0.2

        Assert.True(first >= 0.9, $"first {first}");
        Assert.True(modest < 0.1, $"modest {modest}");
        Assert.True(huge >= 0.99, $"huge {huge}");
    }

    [Fact]
    public void Update_AlarmLevel_IsJudgedOnTheRescaledOutput()
    {
        // Raw 0.03 ranges -> 0.23 before the odds scale (below AlarmLevel), 0.6 after it (an alarm): the repeat is damped.
        var sut = new EnsembleDetector(
            [new RangeNoveltyScorer(decay: 0)],
            [new CalibrationSettings(RangeHalf: 0.1)],
            new EnsembleOptions { MinPoints = 5, AlarmLevel = 0.5, RefractoryPoints = 10, RefractoryFactor = 0.1, RefractoryOnOdds = true, OutputOddsScale = 5 });
        for (var i = 0; i < 50; i++)
        {
            sut.Update(SeriesBuilder.At(i), i % 2);
        }

        var first = sut.Update(SeriesBuilder.At(50), 1.03).Score;
        var repeat = sut.Update(SeriesBuilder.At(51), 1.0609).Score; // the same 3% of the (now 1.03) range above

        Assert.True(first >= 0.5, $"first {first}");
        Assert.True(repeat < 0.5, $"repeat {repeat}");
    }

    [Fact]
    public void Update_NonFiniteValue_ReturnsNone()
    {
        var sut = Create(0, 1);

        Assert.Equal(AnomalyScore.None, sut.Update(SeriesBuilder.At(0), double.NaN));
    }

    private static EnsembleDetector Episodic(int gap, double margin = 1.5)
    {
        var sut = new EnsembleDetector(
            [new RangeNoveltyScorer(decay: 0)],
            [new CalibrationSettings(RangeHalf: 0.1)],
            new EnsembleOptions { MinPoints = 5, AlarmLevel = 0.5, EpisodeGap = gap, EpisodeMargin = margin });
        for (var i = 0; i < 50; i++)
        {
            sut.Update(SeriesBuilder.At(i), i % 2); // range [0, 1]
        }

        return sut;
    }

    [Theory]
    [InlineData(0, 0.545)] // off: the repeat (0.12 ranges past the new max, odds 1.2) scores as before
    [InlineData(5, 0.0)]   // on: odds 1.2 - 1.5 margin -> nothing
    public void Update_RepeatRecordWithinAnAlarmedEpisode_LosesTheMargin(int gap, double expected)
    {
        var sut = Episodic(gap);

        var first = sut.Update(SeriesBuilder.At(50), 3).Score;     // 2 ranges above: an alarm
        var repeat = sut.Update(SeriesBuilder.At(51), 3.36).Score; // 0.12 of the new range [0, 3]

        Assert.True(first >= 0.9, $"first {first}");
        Assert.Equal(expected, repeat, 3);
    }

    [Fact]
    public void Update_FarLargerRepeatWithinAnEpisode_StillAlarms()
    {
        var sut = Episodic(5);

        sut.Update(SeriesBuilder.At(50), 3);
        var huge = sut.Update(SeriesBuilder.At(51), 30).Score; // 9 ranges above: odds 90 - 1.5

        Assert.True(huge >= 0.98, $"huge {huge}");
    }

    [Fact]
    public void Update_RepeatAfterASubAlarmRecord_IsNotDamped()
    {
        // The episode has not been signalled (the first record stayed under the alarm level), so its growth is news.
        var off = Episodic(0);
        var on = Episodic(5);

        var firstOff = off.Update(SeriesBuilder.At(50), 1.02).Score;
        var firstOn = on.Update(SeriesBuilder.At(50), 1.02).Score;
        var repeatOff = off.Update(SeriesBuilder.At(51), 1.4).Score;
        var repeatOn = on.Update(SeriesBuilder.At(51), 1.4).Score;

        Assert.True(firstOn < 0.5, $"first {firstOn}");
        Assert.Equal(firstOff, firstOn);
        Assert.Equal(repeatOff, repeatOn);
        Assert.True(repeatOn >= 0.5, $"repeat {repeatOn}");
    }

    [Fact]
    public void Update_RecordAfterTheGap_IsNotDamped()
    {
        var sut = Episodic(5);

        sut.Update(SeriesBuilder.At(50), 3);
        for (var i = 51; i < 60; i++)
        {
            sut.Update(SeriesBuilder.At(i), i % 2); // inside the range: no record for 9 points
        }

        var later = sut.Update(SeriesBuilder.At(60), 3.36).Score;

        Assert.Equal(0.545, later, 3);
    }
}
