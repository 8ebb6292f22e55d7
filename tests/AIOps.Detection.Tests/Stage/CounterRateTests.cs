using AIOps.Detection.Rules;
using AIOps.Detection.Stage;

namespace AIOps.Detection.Tests.Stage;

public sealed class CounterRateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static List<double> Rates(CounterRate sut, params double[] values)
    {
        var rates = new List<double>();
        for (var i = 0; i < values.Length; i++)
        {
            if (sut.TryNext(T0.AddSeconds(10 * i), values[i], out var rate))
            {
                rates.Add(rate);
            }
        }

        return rates;
    }

    [Fact]
    public void TryNext_TotalCounter_GivesPerSecondIncreaseAndReadsADropAsAReset()
    {
        var sut = CounterRate.For("http_requests_total", CounterMode.Auto)!;

        var rates = Rates(sut, 100, 150, 250, 30, 80);

        Assert.True(sut.IsCounter);
        Assert.Equal([5.0, 10.0, 3.0, 5.0], rates); // after the restart it counted 30 from zero
    }

    [Theory]
    [InlineData("queue_depth", CounterMode.Auto)]
    [InlineData("log_lines_total", CounterMode.Gauge)]
    public void For_GaugeByNameOrRule_IsNull(string name, CounterMode mode) => Assert.Null(CounterRate.For(name, mode));

    [Fact]
    public void For_CounterRule_MakesAnyNameACounter() => Assert.True(CounterRate.For("jobs_done", CounterMode.Counter)!.IsCounter);

    [Fact]
    public void TryNext_HistogramCountThatOnlyGrows_IsJudgedACounterAfterItsFirstPoints()
    {
        var sut = CounterRate.For("http_request_duration_seconds_count", CounterMode.Auto)!;
        var values = Enumerable.Range(0, CounterRate.DecideAfter + 3).Select(i => 1000.0 + (20 * i)).ToArray();

        var rates = Rates(sut, values);

        Assert.True(sut.IsCounter);
        Assert.Equal([2.0, 2.0, 2.0], rates); // nothing while deciding, then 20 per 10 s
    }

    [Fact]
    public void TryNext_PerMinuteStatisticNamedSum_IsJudgedAGaugeAndScoredAsItIs()
    {
        // A CloudWatch-style `_sum` statistic goes up and down: not cumulative.
        var sut = CounterRate.For("CPUUtilization_sum", CounterMode.Auto)!;
        var values = Enumerable.Range(0, CounterRate.DecideAfter + 2).Select(i => i % 2 == 0 ? 40.0 : 35.0).ToArray();

        var scored = Rates(sut, values);

        Assert.False(sut.IsCounter);
        Assert.Equal([40.0, 35.0], scored);
    }

    [Theory]
    [InlineData(5, 2, false)] // 5 errors in 10 s where 2 were usual: counting noise
    [InlineData(12, 2, true)] // 12 where 2 were usual: more than 3 sqrt(2) away
    [InlineData(1150, 1000, true)] // large counts: 150 is well past 3 sqrt(1000) = 95
    [InlineData(1050, 1000, false)]
    public void Significant_BeyondPoissonNoise(double observedCount, double expectedCount, bool expected)
    {
        var sut = CounterRate.For("errors_total", CounterMode.Auto)!;
        Rates(sut, 0, observedCount); // one 10-second interval

        Assert.Equal(expected, sut.Significant(observedCount / 10, expectedCount / 10));
    }

    [Theory]
    [InlineData(1, 0, false)] // one event where none were expected
    [InlineData(4, 0, true)]
    [InlineData(30, 20, false)] // 3 sqrt(20) = 13.4
    [InlineData(40, 20, true)]
    [InlineData(0, 20, true)] // a drop counts too
    public void CountingNoise_ThreeSqrtN(double observed, double expected, bool exceeded) =>
        Assert.Equal(exceeded, CountingNoise.Exceeded(observed, expected));
}
