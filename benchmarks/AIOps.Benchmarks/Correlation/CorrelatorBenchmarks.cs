using AIOps.Core.Model;
using AIOps.Correlation.Incidents;
using AIOps.Correlation.Rules;
using BenchmarkDotNet.Attributes;

namespace AIOps.Benchmarks.Correlation;

/// <summary>
/// Signals per second through the correlator (Observe plus AdvanceTo every 100 signals, as the engine's batches do).
/// One operation = <see cref="Count"/> signals into a fresh correlator, so signals/s = Count / mean.
/// </summary>
[MemoryDiagnoser]
public class CorrelatorBenchmarks
{
    public const int Count = 10_000;

    private const string RulesYaml = """
        inhibit:
          - name: node-down
            source: [ { label: alertname, equals: PodNotReady } ]
            target: [ { field: kind, equals: alert }, { label: alertname, equals: PodNotReady, not: true } ]
            equal: [service]
        rules:
          - name: heartbeats
            match: [ { label: alertname, equals: Watchdog } ]
            drop: true
          - name: warnings
            match: [ { field: severity, equals: warning } ]
            minCount: 2
          - name: pages
            match: [ { field: kind, equals: alert } ]
            title: "{{summary}} on {{entity}}"
        """;

    private readonly List<IncidentChange> _changes = new(1024);
    private Signal[] _repeats = [];
    private Signal[] _storm = [];
    private RuleSet _rules = RuleSet.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var one = CorrelationWorkload.Alert("svc-0-0", "HighErrorRate", CorrelationWorkload.Start, 0);
        _repeats = [.. Enumerable.Range(0, Count).Select(n => one with { Id = $"sig-{n}", Timestamp = CorrelationWorkload.Start.AddMilliseconds(n) })];
        _storm = CorrelationWorkload.Signals(Count, groups: 20, newEntityEvery: 1000);
        _rules = RulesLoader.Parse(RulesYaml, "bench.yaml", out _);
    }

    /// <summary>The simplest case: one condition repeated (dedup by fingerprint).</summary>
    [Benchmark(Baseline = true)]
    public int DedupRepeats() => Run(_repeats, RuleSet.Empty);

    /// <summary>200 services in 20 call chains, 5 alert kinds, a new entity every 1000 signals.</summary>
    [Benchmark]
    public int Storm() => Run(_storm, RuleSet.Empty);

    /// <summary>The storm through rules (inhibition, drop, minCount, title template).</summary>
    [Benchmark]
    public int StormWithRules() => Run(_storm, _rules);

    private int Run(Signal[] signals, RuleSet rules)
    {
        var sut = new TimeWindowCorrelator(CorrelationWorkload.Topology(20), rules: rules);
        var versions = 0;
        for (var i = 0; i < signals.Length; i++)
        {
            sut.Observe(signals[i], _changes);
            if (i % 100 == 99)
            {
                sut.AdvanceTo(signals[i].Timestamp, _changes);
            }

            versions += _changes.Count;
            _changes.Clear();
        }

        return versions;
    }
}
