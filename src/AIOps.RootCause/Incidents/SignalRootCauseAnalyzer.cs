using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Topology;
using AIOps.RootCause.Series;

namespace AIOps.RootCause.Incidents;

/// <summary>
/// Ranks the causes of an incident from its member signals and the dependency graph. Candidates are the
/// incident's entities, their direct neighbours (a silent dependency can be the cause) and the entities of
/// attached change events. Each is scored on topology (anomalous callers, healthy callees), onset order,
/// magnitude of the shift, change events just before its onset and never-seen log lines; see <see cref="RankingWeights"/>.
/// </summary>
public sealed class SignalRootCauseAnalyzer : IRootCauseAnalyzer
{
    public const string MethodName = "signal-ranking/v1";

    private readonly RankingWeights _weights;
    private readonly CausePriors? _priors;

    /// <param name="weights">Evidence weights; the defaults when null.</param>
    /// <param name="priors">Operator verdicts on past causes; none when null.</param>
    public SignalRootCauseAnalyzer(RankingWeights? weights = null, CausePriors? priors = null)
    {
        _weights = weights ?? new RankingWeights();
        _priors = priors;
    }

    public RootCauseReport Analyze(Incident incident, DependencyGraph topology)
    {
        var features = Collect(incident, topology);
        var anomalous = features.Values.Where(f => f.IsAnomalous).Select(f => f.Entity).ToHashSet(StringComparer.Ordinal);
        var firstOnset = features.Values.Select(f => f.Onset).Where(o => o.HasValue).Min();
        var walk = WalkRanks(features, topology);
        var scored = features.Values
            .Select(f => Score(f, topology, anomalous, firstOnset, walk.GetValueOrDefault(f.Entity)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Features.Onset ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.Features.Entity, StringComparer.Ordinal)
            .ToList();

        var candidates = new List<RootCauseCandidate>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var margin = scored[i].Score - (i + 1 < scored.Count ? scored[i + 1].Score : 0);
            candidates.Add(CandidateReport.Build(scored[i], ConfidenceOf(scored[i].Score, margin, i), firstOnset));
        }

        return new RootCauseReport(firstOnset, candidates, MethodName);
    }

    private Dictionary<string, CandidateFeatures> Collect(Incident incident, DependencyGraph topology)
    {
        var features = new Dictionary<string, CandidateFeatures>(StringComparer.Ordinal);
        CandidateFeatures For(string entity) => features.TryGetValue(entity, out var f) ? f : features[entity] = new CandidateFeatures(entity);

        foreach (var signal in incident.Signals)
        {
            if (signal.Kind == SignalKind.Change)
            {
                For(signal.Entity).Changes.Add(signal);
            }
            else if (!signal.Resolved || signal.Kind == SignalKind.Anomaly)
            {
                For(signal.Entity).Problems.Add(signal);
            }
        }

        foreach (var entity in incident.Entities)
        {
            foreach (var neighbour in topology.Callees(entity))
            {
                For(neighbour);
            }
        }

        return features;
    }

    /// <summary>
    /// The MicroRCA-style random walk over the incident's part of the graph: mass pools at the deepest anomalous
    /// component. Restricted to the candidates so a large fleet's graph does not dilute (or slow) it.
    /// </summary>
    private static Dictionary<string, double> WalkRanks(Dictionary<string, CandidateFeatures> features, DependencyGraph topology)
    {
        var subgraph = new DependencyGraph();
        foreach (var edge in topology.Edges())
        {
            if (features.ContainsKey(edge.Caller) && features.ContainsKey(edge.Callee))
            {
                subgraph.AddStatic(edge.Caller, edge.Callee);
            }
        }

        if (subgraph.Edges().Count == 0)
        {
            return [];
        }

        var anomaly = features.Values.Where(f => f.IsAnomalous).ToDictionary(f => f.Entity, f => Math.Max(f.Magnitude, 0.1), StringComparer.Ordinal);
        return CallGraphWalk.Rank(subgraph, anomaly, new SeriesRcaOptions());
    }

    private ScoredCandidate Score(CandidateFeatures f, DependencyGraph topology, HashSet<string> anomalous, DateTimeOffset? firstOnset, double walkRank)
    {
        var callees = topology.Callees(f.Entity);
        var callers = topology.Callers(f.Entity);
        var healthyCallees = callees.Count == 0 ? 1.0 : callees.Count(c => !anomalous.Contains(c)) / (double)callees.Count;
        var anomalousCallers = callers.Count == 0 ? 0.5 : callers.Count(c => anomalous.Contains(c)) / (double)callers.Count;

        // An anomalous entity whose dependencies are healthy explains its callers; a silent dependency of
        // anomalous callers may be the unmonitored cause, but with less certainty than one that shows it.
        var local = f.IsAnomalous
            ? (0.6 * healthyCallees) + (0.4 * anomalousCallers)
            : 0.5 * anomalousCallers * healthyCallees;
        var topologyScore = (0.5 * local) + (0.5 * walkRank);

        var onsetScore = f.Onset is { } onset && firstOnset is { } first
            ? Math.Exp(-(onset - first).TotalSeconds / _weights.OnsetScale.TotalSeconds)
            : 0;

        var reference = f.Onset ?? firstOnset;
        var change = reference is { } r
            ? f.Changes.Where(c => c.Timestamp <= r && r - c.Timestamp <= _weights.ChangeLookback).OrderByDescending(c => c.Timestamp).FirstOrDefault()
            : null;
        var changeScore = change is null ? 0 : 1;

        var logScore = f.NewLogTemplates.Any(s => s.Severity >= Severity.Error) ? 1.0 : f.NewLogTemplates.Any() ? 0.5 : 0;
        var evidenceScore = (_weights.Topology * topologyScore) + (_weights.Onset * onsetScore) + (_weights.Magnitude * f.Magnitude)
            + (_weights.Change * changeScore) + (_weights.LogTemplate * logScore);
        var indicator = f.Lead?.Indicator ?? change?.Indicator ?? "dependency";
        var prior = _priors?.Prior(f.Entity, indicator) ?? 0;
        var score = Math.Max(0, evidenceScore + (_weights.Feedback * prior));
        var verdicts = _priors?.Counts(f.Entity, indicator) ?? default;
        return new ScoredCandidate(f, score, topologyScore, onsetScore, change, callers.Where(anomalous.Contains).ToList(), callees.Where(anomalous.Contains).ToList(), prior, verdicts);
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
    (int Confirmed, int Rejected) Verdicts = default);
