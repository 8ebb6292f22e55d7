using AIOps.Detection.Stats;

namespace AIOps.Detection.Tests.Stats;

public class StepTrackerTests
{
    [Fact]
    public void Observe_RegularStepsThenGap_ReportsGapInSteps()
    {
        var sut = default(StepTracker);
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(sut.Observe(SeriesBuilder.At(i)), 0.99, 1.01);
        }

        Assert.InRange(sut.TypicalStep.TotalMinutes, 4.999, 5.001);
        Assert.InRange(sut.Observe(SeriesBuilder.At(60)), 10.9, 11.1);
    }
}
