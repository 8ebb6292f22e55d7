using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Topology;
using AIOps.RootCause.Series;

namespace AIOps.RootCause.Incidents;

/// <summary>
/// Ranks the causes of an incident from its member signals and the dependency graph. Candidates are the
/// incident's entities, their direct neighbours (a silent dependency can be the cause) and the entities of
/// attached change events. Each is scored on topology (anomalous callers, healthy callees; for an entity with no place
/// in the graph, the unconnected parts that went wrong with it as inferred callers, <see cref="SharedCauseInference"/>), onset order,
/// magnitude of the shift, change events just before its onset and never-seen log lines; see <see cref="RankingWeights"/>.
/// Every version of an incident is analyzed, but incrementally: its members are folded as they arrive
/// (<see cref="SignalFold"/>) and a ranking whose inputs did not change is reused (<see cref="RankingMemo"/>), so an
/// alert storm's versions do not each pay a full ranking. The report is the same as ranking afresh.
/// </summary>
public sealed class SignalRootCauseAnalyzer : IRootCauseAnalyzer
{
    private static readonly SeriesRcaOptions WalkOptions = new();

    public const string MethodName = "signal-ranking/v1";

    private readonly RankingWeights _weights;
    private readonly CausePriors? _priors;
    private readonly RankingMemo _memo;
    private readonly Func<string, IReadOnlyList<string>> _hostsOf;

    /// <param name="weights">Evidence weights; the defaults when null.</param>
    /// <param name="priors">Operator verdicts on past causes; none when null.</param>
    /// <param name="memoCapacity">How many open incidents' last rankings are kept for reuse (0 ranks every version afresh).</param>
    /// <param name="hostsOf">The hosts a service runs on (the topology's host list); none known when null.</param>
    public SignalRootCauseAnalyzer(RankingWeights? weights = null, CausePriors? priors = null, int memoCapacity = RankingMemo.DefaultCapacity, Func<string, IReadOnlyList<string>>? hostsOf = null)
    {
        _weights = weights ?? new RankingWeights();
        _priors = priors;
        _memo = new RankingMemo(memoCapacity);
        _hostsOf = hostsOf ?? (_ => []);
    }

    /// <summary>Versions whose ranking was reused because nothing it reads had changed, and versions ranked afresh.</summary>
    public (long Reused, long Ranked) MemoCounts => (_memo.Hits, _memo.Misses);

    public RootCauseReport Analyze(Incident incident, DependencyGraph topology)
    {
        var entry = _memo.For(incident);
        RootCauseReport report;
        lock (entry.Gate)
        {
            entry.Fold.Update(incident.Signals);
            var features = Collect(entry.Fold, incident, topology, _hostsOf);
            DateTimeOffset? firstOnset = null;
            foreach (var f in features)
            {
                if (f.Onset is { } onset && (firstOnset is not { } first || onset < first))
                {
                    firstOnset = onset;
                }
            }

            var keys = new CandidateKey[features.Count];
            var changes = new Signal?[features.Count];
            for (var i = 0; i < features.Count; i++)
            {
                var f = features[i];
                changes[i] = ChangeBefore(f, f.Onset ?? firstOnset);
                var indicator = IndicatorOf(f, changes[i]);
                keys[i] = CandidateKey.Of(f, changes[i], _priors?.Prior(f.Entity, indicator) ?? 0, _priors?.Counts(f.Entity, indicator) ?? default, _weights.OnsetScale);
            }

            var key = new RankingKey(keys, [.. features.Select(f => f.Callees)], [.. features.Select(f => f.Callers)]);
            var reused = entry.Key is not null && entry.Key.Matches(key);
            _memo.Count(reused);
            if (!reused)
            {
                entry.Report = Rank(features, changes, keys, firstOnset);
                entry.Key = key;
            }

            report = entry.Report!;
        }

        _memo.Release(incident);
        return report;
    }

    private RootCauseReport Rank(List<CandidateFeatures> features, Signal?[] changes, CandidateKey[] keys, DateTimeOffset? firstOnset)
    {
        var anomalous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            if (f.IsAnomalous)
            {
                anomalous.Add(f.Entity);
            }
        }

        var byEntity = new Dictionary<string, CandidateFeatures>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            byEntity[f.Entity] = f;
        }

        var onsets = new DateTimeOffset?[features.Count];
        DateTimeOffset? reference = null;
        for (var i = 0; i < features.Count; i++)
        {
            onsets[i] = RankedOnset(features[i], byEntity);
            if (onsets[i] is { } o && (reference is not { } r || o < r))
            {
                reference = o;
            }
        }

        var inferred = SharedCauseInference.Infer(features, _weights.SharedCauseWindow);
        var hosted = HostCauseInference.Infer(features, _weights.SharedCauseWindow);
        var walk = WalkRanks(features, inferred, hosted);
        var scored = new List<ScoredCandidate>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            var entity = features[i].Entity;
            scored.Add(Score(features[i], onsets[i], anomalous, reference, walk.GetValueOrDefault(entity), changes[i], keys[i], inferred.GetValueOrDefault(entity), hosted.GetValueOrDefault(entity)));
        }

        LiftHosts(scored, hosted, inferred);

        scored = [.. scored
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Features.Onset ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.Features.Entity, StringComparer.Ordinal)];

        var candidates = new List<RootCauseCandidate>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var margin = scored[i].Score - (i + 1 < scored.Count ? scored[i + 1].Score : 0);
            candidates.Add(CandidateReport.Build(scored[i], ConfidenceOf(scored[i].Score, margin, i), firstOnset));
        }

        return new RootCauseReport(firstOnset, candidates, MethodName);
    }

    /// <summary>
    /// The onset the ranking reads. An entity whose dependencies are broken is a symptom candidate; when one lone signal
    /// of it started more than <see cref="RankingWeights.OnsetScale"/> before the rest of its trouble and before any of
    /// those dependencies broke, that signal was a condition already there (noise that joined the incident), not the
    /// start of this problem, so the entity counts from its next onset. A lone early signal of an entity with healthy
    /// dependencies, or a first onset that two signals share, is kept.
    /// </summary>
    private DateTimeOffset? RankedOnset(CandidateFeatures f, Dictionary<string, CandidateFeatures> byEntity)
    {
        if (f.Onset is not { } onset || f.LoneOnsetUntil(_weights.OnsetScale) is not { } next)
        {
            return f.Onset;
        }

        DateTimeOffset? dependencies = null;
        foreach (var callee in f.Callees)
        {
            if (byEntity.TryGetValue(callee, out var c) && c.Onset is { } o && (dependencies is not { } d || o < d))
            {
                dependencies = o;
            }
        }

        return dependencies is { } broke && broke - onset > _weights.OnsetScale ? next : onset;
    }

    /// <summary>
    /// A host whose services went wrong together explains each of them, so it ranks above the best of them (by
    /// <see cref="RankingWeights.HostLead"/>): every symptom of a service is also a symptom of its host. A silent host
    /// is lifted only when no anomalous shared dependency (<see cref="SharedCauseInference"/>) already explains one of
    /// its services: a dependency showing the trouble itself is the more direct explanation than a host showing nothing.
    /// </summary>
    private void LiftHosts(List<ScoredCandidate> scored, Dictionary<string, List<string>> hosted, Dictionary<string, List<string>> inferred)
    {
        if (hosted.Count == 0)
        {
            return;
        }

        for (var i = 0; i < scored.Count; i++)
        {
            var c = scored[i];
            if (!hosted.TryGetValue(c.Features.Entity, out var services) ||
                (!c.Features.IsAnomalous && inferred.Values.Any(d => d.Exists(services.Contains))))
            {
                continue;
            }

            var best = scored.Where(s => services.Contains(s.Features.Entity, StringComparer.Ordinal)).Max(s => s.Score);
            if (best + _weights.HostLead > c.Score)
            {
                scored[i] = c with { Score = best + _weights.HostLead };
            }
        }
    }

    /// <summary>
    /// The incident's entities with signals (folded), then their callees (a silent dependency can be the cause), then
    /// hosts that two or more of its anomalous entities run on, with their neighbours.
    /// </summary>
    private static List<CandidateFeatures> Collect(SignalFold fold, Incident incident, DependencyGraph topology, Func<string, IReadOnlyList<string>> hostsOf)
    {
        var features = new List<CandidateFeatures>(fold.Entities);
        Dictionary<string, CandidateFeatures>? silent = null;

        // Each neighbour list is fetched once (a copy under the graph's lock): the incident's own entities first.
        var callees = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entity in incident.Entities)
        {
            var list = topology.Callees(entity);
            callees[entity] = list;
            foreach (var neighbour in list)
            {
                silent ??= new Dictionary<string, CandidateFeatures>(StringComparer.Ordinal);
                if (fold.Find(neighbour) is null && !silent.ContainsKey(neighbour))
                {
                    var f = new CandidateFeatures(neighbour);
                    silent[neighbour] = f;
                    features.Add(f);
                }
            }
        }

        Dictionary<string, int>? hostCounts = null;
        foreach (var f in features)
        {
            f.Callees = callees.TryGetValue(f.Entity, out var known) ? known : topology.Callees(f.Entity);
            f.Callers = topology.Callers(f.Entity);
            f.Hosts = hostsOf(f.Entity);
            if (f.IsAnomalous)
            {
                foreach (var host in f.Hosts)
                {
                    hostCounts ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    hostCounts[host] = hostCounts.GetValueOrDefault(host) + 1;
                }
            }
        }

        // A host two or more anomalous entities share is a candidate even when it shows nothing itself.
        if (hostCounts is not null)
        {
            foreach (var (host, count) in hostCounts)
            {
                if (count >= 2 && fold.Find(host) is null && (silent is null || !silent.ContainsKey(host)))
                {
                    var f = new CandidateFeatures(host) { Callees = topology.Callees(host), Callers = topology.Callers(host) };
                    features.Add(f);
                }
            }
        }

        return features;
    }

    /// <summary>The latest change on the candidate within the lookback before <paramref name="reference"/>.</summary>
    private Signal? ChangeBefore(CandidateFeatures f, DateTimeOffset? reference)
    {
        if (reference is not { } r)
        {
            return null;
        }

        Signal? latest = null;
        foreach (var c in f.Changes)
        {
            // Strictly later wins, so the first of equal timestamps is kept (as a stable sort would).
            if (c.Timestamp <= r && r - c.Timestamp <= _weights.ChangeLookback && (latest is null || c.Timestamp > latest.Timestamp))
            {
                latest = c;
            }
        }

        return latest;
    }

    private static string IndicatorOf(CandidateFeatures f, Signal? change) => f.Lead?.Indicator ?? change?.Indicator ?? "dependency";

    /// <summary>
    /// The MicroRCA-style random walk over the incident's part of the graph: mass pools at the deepest anomalous
    /// component. Restricted to the candidates so a large fleet's graph does not dilute (or slow) it.
    /// </summary>
    private static Dictionary<string, double> WalkRanks(List<CandidateFeatures> features, Dictionary<string, List<string>> inferred, Dictionary<string, List<string>> hosted)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            candidates.Add(f.Entity);
        }

        var subgraph = new DependencyGraph();
        var edges = 0;
        foreach (var f in features)
        {
            foreach (var callee in f.Callees)
            {
                if (candidates.Contains(callee))
                {
                    subgraph.AddStatic(f.Entity, callee);
                    edges++;
                }
            }
        }

        foreach (var (shared, dependents) in inferred.Concat(hosted))
        {
            foreach (var dependent in dependents)
            {
                subgraph.AddStatic(dependent, shared); // the inferred, undeclared dependency (a shared service or the host)
                edges++;
            }
        }

        if (edges == 0)
        {
            return [];
        }

        var anomaly = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            if (f.IsAnomalous)
            {
                anomaly[f.Entity] = Math.Max(f.Magnitude, 0.1);
            }
        }

        return CallGraphWalk.Rank(subgraph, anomaly, WalkOptions);
    }

    private ScoredCandidate Score(CandidateFeatures f, DateTimeOffset? rankedOnset, HashSet<string> anomalous, DateTimeOffset? referenceOnset, double walkRank, Signal? change, CandidateKey key, List<string>? inferredCallers, List<string>? hostedServices)
    {
        var callees = f.Callees;
        var callers = inferredCallers ?? hostedServices ?? f.Callers;
        var healthyCallees = callees.Count == 0 ? 1.0 : callees.Count(c => !anomalous.Contains(c)) / (double)callees.Count;
        var anomalousCallers = callers.Count == 0 ? 0.5 : callers.Count(anomalous.Contains) / (double)callers.Count;

        // An anomalous entity whose dependencies are healthy explains its callers; a silent dependency of
        // anomalous callers may be the unmonitored cause, but with less certainty than one that shows it.
        var local = f.IsAnomalous
            ? (0.6 * healthyCallees) + (0.4 * anomalousCallers)
            : 0.5 * anomalousCallers * healthyCallees;
        var topologyScore = (0.5 * local) + (0.5 * walkRank);

        var onsetScore = rankedOnset is { } onset && referenceOnset is { } reference
            ? Math.Exp(-(onset - reference).TotalSeconds / _weights.OnsetScale.TotalSeconds)
            : 0;

        var changeScore = change is null ? 0 : 1;
        var evidenceScore = (_weights.Topology * topologyScore) + (_weights.Onset * onsetScore) + (_weights.Magnitude * f.Magnitude)
            + (_weights.Change * changeScore) + (_weights.LogTemplate * f.NoveltyScore);
        var score = Math.Max(0, evidenceScore + (_weights.Feedback * key.Prior));
        return new ScoredCandidate(f, score, topologyScore, onsetScore, change, callers.Where(anomalous.Contains).ToList(), callees.Where(anomalous.Contains).ToList(), key.Prior, key.Verdicts, inferredCallers is not null, inferredCallers is null && hostedServices is not null);
    }

    private static Confidence ConfidenceOf(double score, double margin, int rank) => rank switch
    {
        0 when score >= 0.6 && margin >= 0.15 => Confidence.High,
        0 when margin >= 0.05 => Confidence.Medium,
        _ when score >= 0.6 => Confidence.Medium,
        _ => Confidence.Low,
    };
}

internal sealed record ScoredCandidate(
    CandidateFeatures Features,
    double Score,
    double TopologyScore,
    double OnsetScore,
    Signal? Change,
    IReadOnlyList<string> AnomalousCallers,
    IReadOnlyList<string> AnomalousCallees,
    double Prior = 0,
    (int Confirmed, int Rejected) Verdicts = default,
    bool InferredShared = false,
    bool HostOfServices = false);
