using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Serialization;
using AIOps.Core.Topology;
using AIOps.RootCause.Incidents;

using static AIOps.RootCause.Tests.Incidents.TestIncidents;

namespace AIOps.RootCause.Tests.Incidents;

/// <summary>The analyzer reuses an incident's ranking while nothing the ranking reads has changed.</summary>
public sealed class RankingMemoTests
{
    private readonly DependencyGraph _graph = new();

    public RankingMemoTests()
    {
        _graph.AddStatic("frontend", "checkout");
        _graph.AddStatic("checkout", "payments");
        _graph.AddStatic("payments", "payments-db");
    }

    [Fact]
    public void Analyze_AnotherAlertOnAnEntityAlreadyShowingOne_ReusesTheRanking()
    {
        var first = Incident(Alert("payments", "HighErrorRate", 0), Alert("checkout", "HighErrorRate", 1));
        var second = first with { Version = 2, Signals = [.. first.Signals, Alert("checkout", "HighLatency", 2)] };
        var sut = new SignalRootCauseAnalyzer();

        var before = sut.Analyze(first, _graph);
        var after = sut.Analyze(second, _graph);

        Assert.Same(before, after);
        Assert.Equal((1L, 1L), sut.MemoCounts);
    }

    [Fact]
    public void Analyze_NewEntityJoins_RanksAfresh()
    {
        var first = Incident(Anomaly("checkout", "errors", 1, 6));
        var second = Incident(Anomaly("checkout", "errors", 1, 6), Anomaly("payments-db", "latency", 0, 12));
        var sut = new SignalRootCauseAnalyzer();

        sut.Analyze(first, _graph);
        var report = sut.Analyze(second, _graph);

        Assert.Equal("payments-db", report.Candidates[0].Entity);
        Assert.Equal((0L, 2L), sut.MemoCounts);
    }

    [Fact]
    public void Analyze_StrongerShiftOnAKnownEntity_RanksAfresh()
    {
        var first = Incident(Anomaly("payments", "latency", 0, 4));
        var second = first with { Signals = [.. first.Signals, Anomaly("payments", "latency", 0, 16) with { Id = "s-payments-2", Fingerprint = "a:payments/latency2" }] };
        var sut = new SignalRootCauseAnalyzer();

        var before = sut.Analyze(first, _graph);
        var after = sut.Analyze(second, _graph);

        Assert.NotSame(before, after);
        Assert.True(after.Candidates[0].Score > before.Candidates[0].Score);
    }

    [Fact]
    public void Analyze_EdgeLearnedBetweenVersions_RanksAfresh()
    {
        var graph = new DependencyGraph();
        var incident = Incident(Anomaly("api", "errors", 1, 6), Anomaly("db", "latency", 0, 6));
        var sut = new SignalRootCauseAnalyzer();

        var before = sut.Analyze(incident, graph);
        graph.Observe("api", "db", T0);
        var after = sut.Analyze(incident with { Version = 2 }, graph);

        Assert.NotSame(before, after);
        Assert.Contains(after.Candidates.Single(c => c.Entity == "db").Evidence, e => e.Kind == EvidenceKind.Topology && e.Description.Contains("callers api", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_ResolvedVersion_ForgetsTheIncident()
    {
        var incident = Incident(Anomaly("payments", "latency", 0, 8));
        var sut = new SignalRootCauseAnalyzer();

        sut.Analyze(incident with { Status = IncidentStatus.Resolved }, _graph);
        sut.Analyze(incident with { Version = 2 }, _graph);

        Assert.Equal((0L, 2L), sut.MemoCounts);
    }

    [Fact]
    public void Analyze_GrowingIncident_GivesTheSameReportsAsRankingEveryVersion()
    {
        // Seeded mix of anomalies, alerts, novelties, changes and resolutions, added one per version.
        var random = new Random(674386);
        var entities = new[] { "frontend", "checkout", "payments", "payments-db" };
        var kinds = new[] { SignalKind.Anomaly, SignalKind.Alert, SignalKind.Novelty, SignalKind.Change };
        var signals = new List<Signal>();
        var sut = new SignalRootCauseAnalyzer();
        var fresh = new SignalRootCauseAnalyzer(memoCapacity: 0);
        for (var version = 1; version <= 60; version++)
        {
            var entity = entities[random.Next(entities.Length)];
            var minutes = random.Next(0, 10);
            signals.Add(new Signal
            {
                Id = $"s-{version}",
                Kind = kinds[random.Next(kinds.Length)],
                Entity = entity,
                Indicator = random.Next(2) == 0 ? "latency" : "errors",
                Detector = "test",
                Score = random.NextDouble(),
                Observed = 10,
                Expected = 1,
                Deviation = random.Next(0, 3) * 5.0,
                Onset = T0.AddMinutes(minutes),
                Timestamp = T0.AddMinutes(minutes),
                Severity = (Severity)random.Next(0, 4),
                Resolved = random.Next(6) == 0,
                Fingerprint = $"f-{version}",
                Summary = $"summary {random.Next(3)}",
            });
            // Now and then an earlier member is replaced as the correlator does: a re-send (new id and time, same
            // reading), a resolution, or a stronger repeat.
            var replaced = random.Next(signals.Count);
            signals[replaced] = random.Next(4) switch
            {
                0 => signals[replaced] with { Id = $"resend-{version}", Timestamp = signals[replaced].Timestamp.AddMinutes(1) },
                1 => signals[replaced] with { Id = $"resolved-{version}", Resolved = true },
                2 => signals[replaced] with { Id = $"worse-{version}", Deviation = signals[replaced].Deviation + 7 },
                _ => signals[replaced],
            };
            var incident = Incident([.. signals]) with { Version = version };

            var memoized = sut.Analyze(incident, _graph);
            var ranked = fresh.Analyze(incident, _graph);

            Assert.Equal(Json(ranked), Json(memoized));
        }

        Assert.True(sut.MemoCounts.Reused > 0, "some versions should have changed nothing the ranking reads");
        Assert.Equal(0, fresh.MemoCounts.Reused);
    }

    [Fact]
    public void Update_AppendedMembersAndResends_FoldsOnlyTheNewOnes()
    {
        var first = new List<Signal> { Anomaly("payments", "latency", 0, 8), Alert("checkout", "HighErrorRate", 1) };
        var sut = new SignalFold();
        sut.Update(first);

        // The alert re-sent (new id and time, same reading) and one new member appended.
        sut.Update([first[0], first[1] with { Id = "resend", Timestamp = T0.AddMinutes(4) }, Alert("frontend", "HighErrorRate", 2)]);

        Assert.Equal(1, sut.LastFolded);
        Assert.Equal(["payments", "checkout", "frontend"], sut.Entities.Select(f => f.Entity));
    }

    [Fact]
    public void Update_MemberResolved_FoldsEverythingAgain()
    {
        var first = new List<Signal> { Alert("checkout", "HighErrorRate", 1), Anomaly("payments", "latency", 0, 8) };
        var sut = new SignalFold();
        sut.Update(first);

        sut.Update([first[0] with { Id = "resolved", Resolved = true }, first[1]]);

        Assert.Equal(2, sut.LastFolded);
        Assert.Equal(["payments"], sut.Entities.Select(f => f.Entity));
    }

    private static string Json(RootCauseReport report) => JsonSerializer.Serialize(report, AiopsJson.Options);

    [Fact]
    public void Analyze_OnlyResolvedAlertsLeft_RanksTheirEntityFirst()
    {
        // users-db is auth's silent dependency; the resolved probe alert is still the only evidence of where it was.
        var incident = Incident(Alert("auth", "ProbeFailed", 0) with { Resolved = true });
        var sut = new SignalRootCauseAnalyzer();

        var report = sut.Analyze(incident with { Entities = ["auth"] }, _graph);

        Assert.Equal("auth", report.Candidates[0].Entity);
        Assert.Equal("ProbeFailed", report.Candidates[0].Indicator);
    }

    [Fact]
    public void Update_LiveSignalAfterResolvedOnly_FoldsAsAfresh()
    {
        var resolved = new List<Signal> { Alert("auth", "ProbeFailed", 0) with { Resolved = true } };
        var live = new List<Signal> { resolved[0], Anomaly("payments", "latency", 1, 8) };
        var sut = new SignalFold();

        sut.Update(resolved);
        var foldedResolved = sut.Find("auth")?.IsAnomalous;
        sut.Update(live);

        Assert.True(foldedResolved);
        Assert.Null(sut.Find("auth"));
        Assert.True(sut.Find("payments")!.IsAnomalous);
    }

    private static Signal Alert(string entity, string name, double minutes) => new()
    {
        Id = $"al-{entity}-{name}",
        Kind = SignalKind.Alert,
        Entity = entity,
        Indicator = name,
        Detector = "alertmanager",
        Score = 1,
        Onset = T0.AddMinutes(minutes),
        Timestamp = T0.AddMinutes(minutes),
        Severity = Severity.Critical,
        Fingerprint = $"am:{entity}/{name}",
        Summary = $"{name} on {entity}",
    };
}
