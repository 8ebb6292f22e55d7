using AIOps.Core.Model;
using AIOps.Core.Topology;
using AIOps.Correlation.Incidents;
using AIOps.Correlation.Rules;
using static AIOps.Correlation.Tests.Incidents.Signals;

namespace AIOps.Correlation.Tests.Incidents;

public sealed class TimeWindowCorrelatorRulesTests
{
    private readonly DependencyGraph _graph = new();
    private readonly List<IncidentChange> _changes = [];

    public TimeWindowCorrelatorRulesTests()
    {
        _graph.AddStatic("frontend", "checkout");
        _graph.AddStatic("checkout", "payments");
    }

    private static RuleSet Rules(string yaml)
    {
        var rules = RulesLoader.Parse(yaml, "test.yaml", out var errors);
        Assert.Empty(errors);
        return rules;
    }

    [Fact]
    public void Observe_SilencedSignal_IsCountedNotGrouped()
    {
        var sut = new TimeWindowCorrelator(_graph);
        sut.Silences.Add(new Silence { Id = "s", Matchers = [SignalMatcher.FieldEquals("entity", "payments")], StartsAt = T0, EndsAt = T0.AddHours(1) });

        sut.Observe(Alert("payments", "Down", 1), _changes);

        Assert.Empty(sut.OpenIncidents);
        Assert.Equal(1, sut.Counters.Muted);
    }

    [Fact]
    public void Observe_SilenceFromRuleFile_MutesButStaysOutOfTheRunTimeStore()
    {
        var silence = new Silence { Id = "file", Matchers = [SignalMatcher.FieldEquals("entity", "payments")], StartsAt = T0, EndsAt = T0.AddHours(1) };
        var sut = new TimeWindowCorrelator(_graph, rules: new RuleSet { Silences = [silence] });

        sut.Observe(Alert("payments", "Down", 1), _changes);

        Assert.Empty(sut.OpenIncidents);
        Assert.Equal(1, sut.Counters.Muted);
        Assert.Empty(sut.Silences.List()); // a persistent store never keeps a copy of what the files say
    }

    [Fact]
    public void Observe_MinCount_HoldsUntilSecondConditionThenOpensWithBoth()
    {
        var sut = new TimeWindowCorrelator(_graph, rules: Rules("rules:\n  - name: warn\n    match: [ { field: severity, equals: warning } ]\n    minCount: 2\n"));

        sut.Observe(Alert("search", "DiskLow", 0, Severity.Warning), _changes);
        sut.Observe(Alert("search", "DiskLow", 1, Severity.Warning), _changes); // a repeat is not a second condition
        Assert.Empty(sut.OpenIncidents);

        sut.Observe(Alert("search", "InodesLow", 2, Severity.Warning), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(2, incident.Signals.Count);
        Assert.Contains(incident.Reasons, r => r.Contains("rule warn: 2 conditions", StringComparison.Ordinal));
    }

    [Fact]
    public void Observe_HeldWarningOnEntityOfNewIncident_JoinsIt()
    {
        var sut = new TimeWindowCorrelator(_graph, rules: Rules("rules:\n  - name: warn\n    match: [ { field: severity, equals: warning } ]\n    minCount: 2\n"));

        sut.Observe(Alert("search", "DiskLow", 0, Severity.Warning), _changes);
        sut.Observe(Alert("search", "Down", 1), _changes);

        Assert.Equal(2, Assert.Single(sut.OpenIncidents).Signals.Count);
    }

    [Fact]
    public void Observe_NodeDownInhibitsPodAlertsOnThatNode()
    {
        var rules = Rules("""
            inhibit:
              - name: node
                source: [ { label: alertname, equals: NodeDown } ]
                target: [ { field: kind, equals: alert } ]
                equal: [node]
            """);
        var sut = new TimeWindowCorrelator(_graph, rules: rules);

        sut.Observe(Alert("node-7", "NodeDown", 0, Severity.Critical, false, ("node", "node-7")), _changes);
        sut.Observe(Alert("search", "PodNotReady", 1, Severity.Critical, false, ("node", "node-7")), _changes);
        sut.Observe(Alert("catalog", "PodNotReady", 1, Severity.Critical, false, ("node", "node-8")), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
        var nodeIncident = Assert.Single(sut.OpenIncidents, i => i.Entities.Contains("node-7"));
        Assert.Contains("search", nodeIncident.Entities);
        Assert.Contains(nodeIncident.Reasons, r => r.Contains("inhibited by NodeDown", StringComparison.Ordinal));
    }

    [Fact]
    public void Observe_GroupByLabel_JoinsUnconnectedEntities()
    {
        var sut = new TimeWindowCorrelator(_graph, rules: Rules("rules:\n  - name: cert\n    match: [ { label: alertname, equals: CertExpiring } ]\n    groupBy: [issuer]\n"));

        sut.Observe(Alert("search", "CertExpiring", 0, Severity.Critical, false, ("issuer", "le")), _changes);
        sut.Observe(Alert("catalog", "CertExpiring", 1, Severity.Critical, false, ("issuer", "le")), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(["search", "catalog"], incident.Entities);
    }

    [Fact]
    public void Observe_SeverityMapAndTitleTemplate_Applied()
    {
        var sut = new TimeWindowCorrelator(_graph, rules: Rules("rules:\n  - name: r\n    severity: { error: critical }\n    title: \"{{severity}}: {{indicator}} @ {{entity}}\"\n"));

        sut.Observe(Alert("search", "Errors", 0, Severity.Error), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(Severity.Critical, incident.Severity);
        Assert.Equal("critical: Errors @ search", incident.Title);
    }

    [Fact]
    public void Observe_DropRule_IgnoresSignal()
    {
        var sut = new TimeWindowCorrelator(_graph, rules: Rules("rules:\n  - name: hb\n    match: [ { label: alertname, equals: Watchdog } ]\n    drop: true\n"));

        sut.Observe(Alert("prometheus", "Watchdog", 0), _changes);

        Assert.Empty(sut.OpenIncidents);
        Assert.Equal(1, sut.Counters.Dropped);
    }

    [Fact]
    public void Observe_AllResolvedPolicy_ResolvesWhenLastAlertResolves()
    {
        var sut = new TimeWindowCorrelator(_graph, rules: Rules("rules:\n  - name: r\n    resolve: allResolved\n"));

        sut.Observe(Alert("payments", "Down", 0), _changes);
        sut.Observe(Alert("checkout", "Errors", 1), _changes);
        sut.Observe(Alert("payments", "Down", 3, resolved: true), _changes);
        Assert.Single(sut.OpenIncidents);

        sut.Observe(Alert("checkout", "Errors", 4, resolved: true), _changes);

        Assert.Empty(sut.OpenIncidents);
        Assert.Equal(IncidentChangeKind.Resolved, _changes[^1].Kind);
        Assert.StartsWith("resolved: every alert resolved", _changes[^1].Incident.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_SimilarLabelsWithoutTopology_JoinsByLabelOverlap()
    {
        var sut = new TimeWindowCorrelator(new DependencyGraph());
        // Background so that common tokens weigh little.
        for (var i = 0; i < 20; i++)
        {
            sut.Observe(Alert($"svc-{i}", "Noise", -60 + i, Severity.Critical, false, ("env", "prod"), ("node", $"n{i}")), _changes);
        }

        sut.AdvanceTo(T0.AddMinutes(-30), _changes);
        sut.Observe(Alert("batch", "JobFailed", 0, Severity.Critical, false, ("env", "prod"), ("node", "node-9"), ("volume", "pv-17")), _changes);
        sut.Observe(Alert("reports", "DiskFull", 1, Severity.Critical, false, ("env", "prod"), ("node", "node-9"), ("volume", "pv-17")), _changes);
        sut.Observe(Alert("mailer", "DiskFull", 1, Severity.Critical, false, ("env", "prod"), ("node", "node-3"), ("volume", "pv-2")), _changes);

        var joined = Assert.Single(sut.OpenIncidents, i => i.Entities.Contains("batch"));
        Assert.Equal(["batch", "reports"], joined.Entities);
        Assert.Contains(joined.Reasons, r => r.Contains("similarity", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Observe_SimilarSignalNextToRecoveredIncident_DoesNotJoinIt(bool firstResolved, bool joins)
    {
        var sut = new TimeWindowCorrelator(new DependencyGraph());
        for (var i = 0; i < 20; i++)
        {
            sut.Observe(Alert($"svc-{i}", "Noise", -60 + i, Severity.Critical, false, ("env", "prod"), ("node", $"n{i}")), _changes);
        }

        sut.AdvanceTo(T0.AddMinutes(-30), _changes);
        sut.Observe(Alert("batch", "JobFailed", 0, Severity.Critical, false, ("env", "prod"), ("node", "node-9"), ("volume", "pv-17")), _changes);
        if (firstResolved)
        {
            sut.Observe(Alert("batch", "JobFailed", 1, Severity.Critical, true, ("env", "prod"), ("node", "node-9"), ("volume", "pv-17")), _changes);
        }

        sut.Observe(Alert("reports", "DiskFull", 2, Severity.Critical, false, ("env", "prod"), ("node", "node-9"), ("volume", "pv-17")), _changes);

        Assert.Equal(joins, sut.OpenIncidents.Any(i => i.Entities.Contains("batch") && i.Entities.Contains("reports")));
    }

    [Fact]
    public void Observe_IncidentReopeningRepeatedly_IsMarkedFlappingAndHeldOpen()
    {
        var sut = new TimeWindowCorrelator(_graph, new CorrelatorOptions { QuietPeriod = TimeSpan.FromMinutes(5), FlapThreshold = 2 });
        var minute = 0;
        var resolutions = 0;
        for (var cycle = 0; cycle < 6; cycle++, minute += 8)
        {
            sut.Observe(Alert("auth", "ProbeFailed", minute), _changes);
            sut.AdvanceTo(T0.AddMinutes(minute + 7), _changes);
            resolutions += _changes.Count(c => c.Kind == IncidentChangeKind.Resolved);
            _changes.Clear();
        }

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Contains(incident.Reasons, r => r.StartsWith("flapping", StringComparison.Ordinal));
        Assert.Equal(2, resolutions); // resolved twice, then damped
    }

    [Fact]
    public void AdvanceTo_LearnedEdgeNotSeen_AgesOut()
    {
        var graph = new DependencyGraph();
        graph.Observe("a", "b", T0);
        graph.AddStatic("c", "d");
        var sut = new TimeWindowCorrelator(graph, new CorrelatorOptions { EdgeTtl = TimeSpan.FromMinutes(30) });

        sut.AdvanceTo(T0.AddMinutes(31), _changes);

        Assert.Empty(graph.Callees("a"));
        Assert.Equal(["d"], graph.Callees("c"));
        Assert.Equal(1, sut.Counters.ExpiredEdges);
    }

    [Fact]
    public void Observe_HostSignalAndServiceOnIt_JoinThroughHostMap()
    {
        var hosts = new HostMap();
        hosts.Add("search", "node-4");
        var sut = new TimeWindowCorrelator(_graph, hosts: hosts);

        sut.Observe(Alert("node-4", "NodeDiskPressure", 0), _changes);
        sut.Observe(Alert("search", "Errors", 1), _changes);

        Assert.Single(sut.OpenIncidents);
    }

    [Fact]
    public void Observe_LoneAnomaly_HeldUntilItPersists()
    {
        var sut = new TimeWindowCorrelator(_graph, rules: Rules("rules:\n  - name: a\n    match: [ { field: kind, equals: anomaly } ]\n    minCount: 2\n    persist: 5m\n"));
        var blip = Anomaly("search", "latency", 0);

        sut.Observe(blip, _changes);
        Assert.Empty(sut.OpenIncidents);

        sut.Observe(blip with { Id = "repeat", Timestamp = T0.AddMinutes(5) }, _changes);

        Assert.Contains(Assert.Single(sut.OpenIncidents).Reasons, r => r.Contains("lasted 5 min", StringComparison.Ordinal));
    }

    [Fact]
    public void Observe_TwoAnomalousSeriesMinutesApart_DoNotCorroborateEachOther()
    {
        var sut = new TimeWindowCorrelator(_graph);

        sut.Observe(Anomaly("search", "log.error_count", 0), _changes);
        sut.Observe(Anomaly("search", "latency", 8), _changes); // inside the 10-minute window, not within 5 minutes

        Assert.Empty(sut.OpenIncidents);
        Assert.Equal(2, sut.Counters.Pending);
    }

    [Fact]
    public void Observe_TwoAnomalousSeriesTogether_OpenWithTheReason()
    {
        var sut = new TimeWindowCorrelator(_graph);

        sut.Observe(Anomaly("search", "errors", 0), _changes);
        sut.Observe(Anomaly("search", "latency", 1), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(2, incident.Signals.Count);
        Assert.Contains(incident.Reasons, r => r.Contains("default-anomalies: 2 conditions within 5 min", StringComparison.Ordinal));
    }

    [Fact]
    public void Observe_UncorroboratedAnomalies_JoinAnIncidentThatReachesTheirEntity()
    {
        var sut = new TimeWindowCorrelator(_graph);
        sut.Observe(Anomaly("search", "errors", 0), _changes);
        sut.Observe(Anomaly("search", "latency", 8), _changes);

        sut.Observe(Alert("search", "SearchDown", 9), _changes);

        Assert.Equal(3, Assert.Single(sut.OpenIncidents).Signals.Count);
    }

    [Fact]
    public void Observe_HeldWarningOnEntityOfResolvedIncident_DoesNotReopenIt()
    {
        var sut = new TimeWindowCorrelator(_graph, rules: Rules("rules:\n  - name: warn\n    match: [ { field: severity, equals: warning } ]\n    minCount: 2\n"));
        sut.Observe(Alert("payments", "Down", 0), _changes);
        sut.AdvanceTo(T0.AddMinutes(16), _changes);

        sut.Observe(Alert("payments", "DiskLow", 20, Severity.Warning), _changes);
        Assert.Empty(sut.OpenIncidents);

        sut.Observe(Alert("payments", "Down", 21), _changes);
        Assert.Equal(IncidentChangeKind.Reopened, _changes[^1].Kind);
    }

    [Fact]
    public void Observe_SameEntityAfterWindowWhileOpen_JoinsInsteadOfOpeningTwin()
    {
        var sut = new TimeWindowCorrelator(_graph);

        sut.Observe(Alert("payments", "Down", 0), _changes);
        sut.Observe(Alert("payments", "Errors", 13), _changes); // past the 10 min window, inside the 15 min quiet period

        Assert.Equal(2, Assert.Single(sut.OpenIncidents).Signals.Count);
    }

    [Fact]
    public void Observe_SameAlertTextOnUnrelatedServices_NotJoinedBySimilarity()
    {
        var sut = new TimeWindowCorrelator(new DependencyGraph());
        for (var i = 0; i < 20; i++)
        {
            sut.Observe(Alert($"svc-{i}", i % 2 == 0 ? "Noise" : "Other", -60 + i, Severity.Critical, false, ("env", "prod")), _changes);
        }

        sut.AdvanceTo(T0.AddMinutes(-1), _changes);
        sut.Observe(Alert("search", "HighErrorRate", 0, Severity.Critical, false, ("env", "prod")), _changes);
        sut.Observe(Alert("billing", "HighErrorRate", 1, Severity.Critical, false, ("env", "prod")), _changes);

        Assert.Equal(2, sut.OpenIncidents.Count);
    }

    [Fact]
    public void Observe_IncidentGrowsToEntityWithHeldWarning_AdoptsIt()
    {
        var sut = new TimeWindowCorrelator(_graph, rules: Rules("rules:\n  - name: warn\n    match: [ { field: severity, equals: warning } ]\n    minCount: 2\n"));

        sut.Observe(Alert("frontend", "SlowPages", 0, Severity.Warning), _changes);
        sut.Observe(Alert("payments", "Down", 1), _changes);
        sut.Observe(Alert("checkout", "Errors", 2), _changes); // connects payments' incident to frontend
        sut.Observe(Alert("frontend", "Errors", 3), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Contains(incident.Signals, s => s.Indicator == "SlowPages");
    }

    private const string WarningsNeedTwo = "rules:\n  - name: warn\n    match: [ { field: kind, equals: alert }, { field: severity, equals: warning } ]\n    minCount: 2\n";

    [Fact]
    public void Observe_WarningThenAnomalyOnOneEntityWithinMinutes_CorroborateEachOtherAndOpen()
    {
        // A cache exporting one latency series: its anomaly and its own slow-commands warning are the two conditions.
        var sut = new TimeWindowCorrelator(_graph, rules: Rules(WarningsNeedTwo));

        sut.Observe(Alert("cache", "RedisSlowCommands", 0, Severity.Warning), _changes);
        sut.Observe(Anomaly("cache", "latency", 1), _changes);

        var incident = Assert.Single(sut.OpenIncidents);
        Assert.Equal(["alertmanager:cache/RedisSlowCommands", "anomaly:cache/latency"], incident.Signals.Select(s => s.Fingerprint).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Observe_WarningAndAnomalyFarApart_StayHeld()
    {
        // Both rules keep a 10-minute window, but two conditions of different kinds must fall within the 5-minute
        // corroboration window: a warning and an unrelated blip eight minutes later are not one problem.
        var sut = new TimeWindowCorrelator(_graph, rules: Rules(WarningsNeedTwo));

        sut.Observe(Alert("cache", "RedisSlowCommands", 0, Severity.Warning), _changes);
        sut.Observe(Anomaly("cache", "latency", 8), _changes);

        Assert.Empty(sut.OpenIncidents);
    }

    [Fact]
    public void Observe_LogNoveltyBesideItsErrorCountAnomaly_IsNotASecondCondition()
    {
        // A burst of a new error line raises both a never-seen-template signal and the error-count anomaly: one event.
        var sut = new TimeWindowCorrelator(_graph);
        var novelty = Anomaly("cart", "log: timeout calling <*>", 0, score: 0.5) with { Kind = SignalKind.Novelty, Fingerprint = "novelty:cart/timeout" };

        sut.Observe(novelty, _changes);
        sut.Observe(Anomaly("cart", "log.error_count", 0), _changes);

        Assert.Empty(sut.OpenIncidents);
    }
}
