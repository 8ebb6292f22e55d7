using System.Globalization;
using System.Text;
using System.Text.Json;
using AIOps.Server.Composition;
using AIOps.Server.Options;
using AIOps.Server.Replay;
using AIOps.Server.Storage;

namespace AIOps.Accuracy.Correlation;

/// <summary>
/// `correlation` (switches: <see cref="CorrelationRunOptions.Usage"/>): generates the suite (or the
/// holdout set, <see cref="HoldoutCatalog"/>, into tests/scenarios/holdout) (kcat -J dumps, truth side
/// files, the shop's topology) into tests/scenarios, replays each dump through the real pipeline
/// (EngineComposition + ReplayRunner, in-memory store) with the shipped rules and the shop's topology, and
/// prints compression, pairwise precision/recall/F1 of "same incident" and incidents per fault, then how often the
/// incident's top root cause is the fault's injected component (<see cref="RootCauseScore"/>).
/// </summary>
internal static class CorrelationHarness
{
    public static int Run(string[] args)
    {
        CorrelationRunOptions run;
        try
        {
            run = CorrelationRunOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: " + CorrelationRunOptions.Usage);
            return 2;
        }

        var root = RepoRoot();
        var output = run.OutputFolder(root);
        Directory.CreateDirectory(Path.Combine(output, "rules"));
        var topology = run.Topology != "file" ? "# no topology file: the call graph comes from spans, if any\nservices: []\n"
            : run.Holdout ? HoldoutCatalog.TopologyYaml() : SimulatedSystem.TopologyYaml();
        File.WriteAllText(Path.Combine(output, "rules", "topology.yaml"), topology);
        var rulesDirectory = MergedRules(run.Rules ?? Path.Combine(root, "rules"), Path.Combine(output, "rules", "topology.yaml"));
        try
        {
            var scores = new List<ScenarioScore>();
            var causes = new List<FaultRootCause>();
            foreach (var spec in (run.Holdout ? HoldoutCatalog.All : ScenarioCatalog.All).Where(s => run.Only is null || s.Name == run.Only))
            {
                var (lines, truth) = new ScenarioGenerator(run.Vary(spec)).Generate();
                if (run.NoTraces)
                {
                    lines = [.. lines.Where(l => !l.Contains("\"topic\":\"telemetry.traces\"", StringComparison.Ordinal))];
                }

                var dump = Path.Combine(output, spec.Name + ".ndjson");
                File.WriteAllLines(dump, run.Delivery.Apply(lines));
                File.WriteAllText(Path.Combine(output, spec.Name + ".truth.json"), JsonSerializer.Serialize(truth, TruthJson));
                scores.Add(ReplayAsync(dump, truth, rulesDirectory, run, causes).GetAwaiter().GetResult());
            }

            Console.WriteLine($"Telemetry volume: {run.Volume.Pods} pods x {run.Volume.Routes} route(s) per service, delivery {run.Delivery.Name} ({output})");
            Console.WriteLine(Table(scores));
            Console.WriteLine(RootCauseScore.Summary(run.Holdout ? "holdout" : "suite", causes));
            return 0;
        }
        finally
        {
            Directory.Delete(rulesDirectory, recursive: true);
        }
    }

    private static readonly JsonSerializerOptions TruthJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static async Task<ScenarioScore> ReplayAsync(string dump, ScenarioTruth truth, string rulesDirectory, CorrelationRunOptions run, List<FaultRootCause> rootCauses)
    {
        var capture = new CaptureSinks();
        var deadLetters = new MemoryDeadLetterSink();
        var composition = EngineComposition.Create(new EngineOptions { RulesDirectory = rulesDirectory }, TimeProvider.System, new MemoryIncidentStore(), deadLetters, [capture], [capture]);
        if (run.BacklogHold)
        {
            composition.Engine.Hold = BacklogHold.FromDump(dump);
        }
        using (var reader = new StreamReader(dump))
        {
            var result = await ReplayRunner.RunAsync(reader, composition.Processor, deadLetters, null, CancellationToken.None, run.ReplayOrder);
            if (result.DeadLetters + result.BadEnvelopes > 0)
            {
                throw new InvalidDataException($"{dump}: {result.DeadLetters + result.BadEnvelopes} messages dead-lettered, first: {deadLetters.Letters.First().Reason}");
            }
        }

        await composition.Engine.AdvanceToAsync(truth.End + TimeSpan.FromHours(2), CancellationToken.None);
        if (run.Verbose)
        {
            Console.Error.WriteLine($"== {truth.Scenario}: counters muted {composition.Correlator.Counters.Muted}, weak {composition.Correlator.Counters.Weak}, held {composition.Correlator.Counters.Pending}, inhibited {composition.Correlator.Counters.Inhibited}");
            foreach (var incident in capture.Versions.GroupBy(v => v.Id).Select(g => g.MaxBy(v => v.Version)!))
            {
                Console.Error.WriteLine($"  {incident.Id} v{incident.Version} {incident.Status} {incident.FirstSeen:HH:mm}-{incident.ResolvedAt:HH:mm} [{string.Join(",", incident.Entities)}] {incident.Title}");
                Console.Error.WriteLine($"     members: {string.Join("; ", incident.Signals.Select(s => $"{s.Kind.ToString().ToLowerInvariant()} {s.Indicator}@{s.Entity} {s.Severity.ToString().ToLowerInvariant()} {s.Onset:HH:mm:ss}-{s.Timestamp:HH:mm:ss}{(s.Resolved ? " resolved" : string.Empty)}"))}");
                if (incident.RootCause is { Candidates.Count: > 0 } causes)
                {
                    Console.Error.WriteLine($"     causes: {string.Join("; ", causes.Candidates.Take(3).Select(c => $"{c.Entity} ({c.Indicator}) {c.Score:0.000}"))}");
                }

                foreach (var version in capture.Versions.Where(v => v.Id == incident.Id && (v.Change.StartsWith("re", StringComparison.Ordinal) || v.Change.StartsWith("merged", StringComparison.Ordinal))))
                {
                    Console.Error.WriteLine($"     v{version.Version}: {version.Change}");
                }
            }
        }

        if (run.Verbose)
        {
            foreach (var (fault, signal) in ScenarioEvaluator.Unclustered(truth, capture.Signals, capture.Versions))
            {
                Console.Error.WriteLine($"  in no incident ({fault}): {signal.Kind.ToString().ToLowerInvariant()} {signal.Indicator}@{signal.Entity} {signal.Severity.ToString().ToLowerInvariant()} {signal.Timestamp:HH:mm:ss} score {signal.Score:0.00}");
            }
        }

        rootCauses.AddRange(RootCauseScore.Score(truth, capture.Signals, capture.Versions));
        return ScenarioEvaluator.Score(truth, capture.Signals, capture.Versions);
    }

    /// <summary>The rule files under test plus the shop's topology, in a temporary folder.</summary>
    private static string MergedRules(string rules, string topology)
    {
        var directory = Directory.CreateTempSubdirectory("aiops-scenario-rules-").FullName;
        foreach (var file in Directory.EnumerateFiles(rules, "*.y*ml").Where(f => Path.GetFileName(f) != "topology.yaml"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        File.Copy(topology, Path.Combine(directory, "topology.yaml"));
        return directory;
    }

    internal static string Table(IReadOnlyList<ScenarioScore> scores)
    {
        var text = new StringBuilder();
        text.AppendLine("| Scenario | Faults | Noise events | Input (alerts + anomalies) | Distinct signals | Incidents | Compression | Notifications (incl. resolved) | Compression over notifications | Precision | Recall | F1 | F1 incl. noise | Incidents per fault | Fault signals in an incident | Unlabelled signals |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var s in scores)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Scenario} | {s.Faults} | {s.NoiseEvents} | {s.RawInput} | {s.DistinctSignals} | {s.Incidents} | {s.Compression:P1} | {s.Notifications} | {s.NotificationCompression:P1} | {s.FaultPairs.Precision:0.000} | {s.FaultPairs.Recall:0.000} | {s.FaultPairs.F1:0.000} | {s.AllPairs.F1:0.000} | {string.Join(", ", s.IncidentsPerFault.Select(p => $"{p.Key}: {p.Value}"))} | {s.FaultSignalsInIncidents}/{s.FaultSignals} | {s.Unlabelled} |");
        }

        var raw = scores.Sum(s => s.RawInput);
        var incidents = scores.Sum(s => s.Incidents);
        var notifications = scores.Sum(s => s.Notifications);
        var faultPairs = scores.Aggregate(default(PairCounts), (a, s) => a + s.FaultPairs);
        var allPairs = scores.Aggregate(default(PairCounts), (a, s) => a + s.AllPairs);
        var perFault = scores.SelectMany(s => s.IncidentsPerFault.Values).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {scores.Sum(s => s.Faults)} | {scores.Sum(s => s.NoiseEvents)} | {raw} | {scores.Sum(s => s.DistinctSignals)} | {incidents} | {(raw == 0 ? 0 : 1 - ((double)incidents / raw)):P1} | {notifications} | {(notifications == 0 ? 0 : 1 - ((double)incidents / notifications)):P1} | {faultPairs.Precision:0.000} | {faultPairs.Recall:0.000} | {faultPairs.F1:0.000} | {allPairs.F1:0.000} | mean {(perFault.Count == 0 ? 0 : perFault.Average()):0.00} | {scores.Sum(s => s.FaultSignalsInIncidents)}/{scores.Sum(s => s.FaultSignals)} | {scores.Sum(s => s.Unlabelled)} |");
        // The reference point: one incident per fault and one per critical noise alert (a real page), nothing merged.
        var ideal = scores.Sum(s => s.Faults + s.CriticalNoisePages);
        text.AppendLine(CultureInfo.InvariantCulture, $"One incident per fault and per critical noise page: {ideal} incidents, compression {(raw == 0 ? 0 : 1 - ((double)ideal / raw)):P1} (over notifications {(notifications == 0 ? 0 : 1 - ((double)ideal / notifications)):P1}).");
        return text.ToString();
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AIOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
