using AIOps.Accuracy.Correlation;
using AIOps.Core.Model;

namespace AIOps.Accuracy.Tests.Correlation;

public sealed class ScenarioEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);

    private static Signal Signal(string entity, string indicator, double minutes) => new()
    {
        Id = $"{entity}-{indicator}-{minutes}",
        Kind = SignalKind.Anomaly,
        Entity = entity,
        Indicator = indicator,
        Detector = "t",
        Score = 1,
        Onset = T0.AddMinutes(minutes),
        Timestamp = T0.AddMinutes(minutes),
        Fingerprint = $"{entity}/{indicator}",
    };

    private static Incident Incident(string id, long version, IReadOnlyList<Signal> signals, string? mergedInto = null) => new()
    {
        Id = id,
        Version = version,
        Status = mergedInto is null ? IncidentStatus.Open : IncidentStatus.Resolved,
        Title = id,
        Severity = Severity.Error,
        Entities = [.. signals.Select(s => s.Entity).Distinct()],
        Signals = signals,
        FirstSeen = signals.Min(s => s.Onset),
        LastSeen = signals.Max(s => s.Timestamp),
        MergedInto = mergedInto,
    };

    [Fact]
    public void Score_MergedIncidentAndNoise_FollowsMergeAndLabelsByEntityAndTime()
    {
        var truth = new ScenarioTruth("s", "d", T0, T0.AddHours(1),
            [new TruthEntry("f", "outage", "d", ["db", "api"], T0, T0.AddMinutes(20))],
            [new TruthEntry("n", "noise", "d", ["web"], T0.AddMinutes(5), T0.AddMinutes(6))]);
        var db = Signal("db", "up", 1);
        var api = Signal("api", "errors", 2);
        var web = Signal("web", "latency", 5);
        var late = Signal("api", "errors", 50); // after the fault: unlabelled
        var versions = new List<Incident>
        {
            Incident("inc-a", 1, [db]),
            Incident("inc-b", 1, [api]),
            Incident("inc-b", 2, [api], mergedInto: "inc-a"),
            Incident("inc-a", 2, [db, api]),
        };

        var sut = ScenarioEvaluator.Score(truth, [db, api, web, late], versions);

        Assert.Equal(1, sut.Incidents);
        Assert.Equal(1.0, sut.FaultPairs.F1);
        Assert.Equal(1, sut.IncidentsPerFault["f"]);
        Assert.Equal(1, sut.Unlabelled);
        Assert.Equal(1 - (1.0 / 4), sut.Compression, 6);
    }

    [Fact]
    public void Score_ResolvedAlertNotifications_CountOnlyInTheNotificationInput()
    {
        var truth = new ScenarioTruth("s", "d", T0, T0.AddHours(1), [new TruthEntry("f", "outage", "d", ["db"], T0, T0.AddMinutes(20))],
            [new TruthEntry("n1", nameof(NoiseKind.CriticalAlert), "JobFailed", ["cron"], T0, T0.AddMinutes(3)), new TruthEntry("n2", nameof(NoiseKind.WarningAlert), "DiskLow", ["web"], T0, T0.AddMinutes(3))]);
        var firing = Signal("db", "up", 1) with { Kind = SignalKind.Alert, Fingerprint = "am:db/up" };
        var resent = firing with { Timestamp = T0.AddMinutes(5) };
        var resolved = firing with { Id = "db-up-resolved", Resolved = true, Timestamp = T0.AddMinutes(9) };
        var change = Signal("db", "deploy", 0) with { Kind = SignalKind.Change, Fingerprint = "change:db" };

        var sut = ScenarioEvaluator.Score(truth, [change, firing, resent, resolved], [Incident("inc-a", 1, [firing])]);

        Assert.Equal(2, sut.RawInput);
        Assert.Equal(1 - (1.0 / 2), sut.Compression, 6);
        Assert.Equal(3, sut.Notifications);
        Assert.Equal(1 - (1.0 / 3), sut.NotificationCompression, 6);
        Assert.Equal(1, sut.CriticalNoisePages);
    }

    [Fact]
    public void Generate_SameSpec_SameBytes()
    {
        var spec = ScenarioCatalog.All[0] with { Steps = 120 };

        var first = new ScenarioGenerator(spec).Generate();
        var second = new ScenarioGenerator(spec).Generate();

        Assert.Equal(first.Lines, second.Lines);
        Assert.Equal(first.Truth.Faults.Select(f => f.Id), second.Truth.Faults.Select(f => f.Id));
        Assert.Contains(first.Lines, l => l.Contains("\"topic\":\"telemetry.events\"", StringComparison.Ordinal) && l.Contains("PostgresDown", StringComparison.Ordinal));
        Assert.DoesNotContain(first.Lines, l => l.Contains("db-outage", StringComparison.Ordinal)); // truth stays out of the payloads
    }
}
