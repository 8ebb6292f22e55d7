using AIOps.Core.Model;
using AIOps.Correlation.Rules;
using static AIOps.Correlation.Tests.Incidents.Signals;

namespace AIOps.Correlation.Tests.Rules;

public sealed class SignalMatcherTests
{
    [Theory]
    [InlineData("kind", null, MatchOperator.Equals, "alert", false, true)]
    [InlineData("kind", null, MatchOperator.Equals, "anomaly", false, false)]
    [InlineData(null, "alertname", MatchOperator.Regex, "Node.*", false, true)]
    [InlineData(null, "alertname", MatchOperator.Regex, "Down", false, false)]
    [InlineData(null, "node", MatchOperator.Exists, null, false, true)]
    [InlineData(null, "pod", MatchOperator.Exists, null, false, false)]
    [InlineData(null, "pod", MatchOperator.Exists, null, true, true)]
    [InlineData("severity", null, MatchOperator.AtLeast, "error", false, true)]
    [InlineData("severity", null, MatchOperator.AtLeast, "critical", true, false)]
    public void Matches_Condition_Expected(string? field, string? label, MatchOperator op, string? value, bool negate, bool expected)
    {
        var sut = new SignalMatcher(field, label, op, value, negate);

        Assert.Equal(expected, sut.Matches(Alert("node-1", "NodeDown", 0, Severity.Critical, false, ("node", "node-1"))));
    }

    [Fact]
    public void MaintenanceWindow_OverMidnight_BelongsToStartDay()
    {
        var sut = new MaintenanceWindow { Name = "m", Days = [DayOfWeek.Friday], From = TimeSpan.FromHours(22), To = TimeSpan.FromHours(2) };

        Assert.True(sut.IsActive(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero))); // Friday
        Assert.True(sut.IsActive(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero)));  // Saturday early
        Assert.False(sut.IsActive(new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TitleTemplate_Render_FillsVariablesAndLabels()
    {
        var signal = Alert("payments", "HighErrorRate", 0, Severity.Critical, false, ("cluster", "eu-1"));

        var title = TitleTemplate.Render("[{{severity}}] {{indicator}} on {{entity}} in {{labels.cluster}} (+{{count}}){{nope}}", signal, "r", 3);

        Assert.Equal("[critical] HighErrorRate on payments in eu-1 (+3)", title);
    }

    [Fact]
    public void SilenceRegistry_AddRemove_MutesOnlyInsideRange()
    {
        var sut = new SilenceRegistry();
        sut.Add(new Silence { Id = "s", Matchers = [SignalMatcher.FieldEquals("entity", "db")], StartsAt = T0, EndsAt = T0.AddMinutes(10) });

        Assert.NotNull(sut.Muting(Alert("db", "Down", 5)));
        Assert.Null(sut.Muting(Alert("db", "Down", 10)));
        Assert.Null(sut.Muting(Alert("web", "Down", 5)));
        Assert.True(sut.Remove("s"));
        Assert.Null(sut.Muting(Alert("db", "Down", 5)));
        Assert.Empty(sut.List());
    }
}
