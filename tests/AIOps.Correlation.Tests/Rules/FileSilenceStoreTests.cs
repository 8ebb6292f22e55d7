using AIOps.Core.Model;
using AIOps.Correlation.Rules;
using Microsoft.Extensions.Time.Testing;
using static AIOps.Correlation.Tests.Incidents.Signals;

namespace AIOps.Correlation.Tests.Rules;

public sealed class FileSilenceStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-silences-").FullName;
    private readonly FakeTimeProvider _time = new(T0);

    private string Path => System.IO.Path.Combine(_directory, "state", FileSilenceStore.FileName);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Silence Silence(string id, double hours, params SignalMatcher[] matchers) => new()
    {
        Id = id,
        Matchers = matchers.Length == 0 ? [SignalMatcher.FieldEquals("entity", "payments")] : matchers,
        StartsAt = T0,
        EndsAt = T0.AddHours(hours),
        Comment = "planned work",
        CreatedBy = "sre",
    };

    [Fact]
    public void Add_ThenRestart_SilenceStillMutes()
    {
        var matchers = new[] { new SignalMatcher(null, "alertname", MatchOperator.Regex, "Pay.*"), new SignalMatcher("severity", null, MatchOperator.AtLeast, "error", negate: true) };
        new FileSilenceStore(Path, _time).Add(Silence("s1", 2, matchers));

        var sut = new FileSilenceStore(Path, _time);

        var restored = Assert.Single(sut.List());
        Assert.Equal(("s1", "planned work", "sre", T0.AddHours(2)), (restored.Id, restored.Comment, restored.CreatedBy, restored.EndsAt));
        Assert.Same(restored, sut.Muting(Alert("payments", "PaymentsSlow", 10, Severity.Warning)));
        Assert.Null(sut.Muting(Alert("payments", "PaymentsSlow", 10, Severity.Critical))); // the negated matcher survived too
        Assert.Null(sut.Muting(Alert("payments", "DiskLow", 10, Severity.Warning)));
    }

    [Fact]
    public void Remove_ThenRestart_SilenceIsGone()
    {
        var first = new FileSilenceStore(Path, _time);
        first.Add(Silence("s1", 2));
        first.Add(Silence("s2", 2));

        Assert.True(first.Remove("s1"));
        var sut = new FileSilenceStore(Path, _time);

        Assert.Equal("s2", Assert.Single(sut.List()).Id);
    }

    [Fact]
    public void Restart_AfterSilenceEnded_DropsIt()
    {
        new FileSilenceStore(Path, _time).Add(Silence("short", 1));
        new FileSilenceStore(Path, _time).Add(Silence("long", 5));
        _time.Advance(TimeSpan.FromHours(2));

        var sut = new FileSilenceStore(Path, _time);

        Assert.Equal("long", Assert.Single(sut.List()).Id);
    }

    [Fact]
    public void Add_AfterAnotherEnded_PrunesTheEndedOneFromTheFile()
    {
        var sut = new FileSilenceStore(Path, _time);
        sut.Add(Silence("short", 1));
        _time.Advance(TimeSpan.FromHours(2));

        sut.Add(Silence("later", 5));

        Assert.Equal("later", Assert.Single(sut.List()).Id);
        Assert.DoesNotContain("short", File.ReadAllText(Path), StringComparison.Ordinal);
    }
}
