using AIOps.Core.Model;
using AIOps.Correlation.Rules;

namespace AIOps.Correlation.Incidents;

public sealed partial class TimeWindowCorrelator
{
    private static readonly TimeSpan NeighbourhoodTtl = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Neighbourhood> _neighbourhoods = new(StringComparer.Ordinal);

    /// <summary>Open incidents the signal belongs to, oldest first, with the reason for the first match.</summary>
    private List<IncidentState> FindRelated(Signal signal, CorrelationRule? rule, TimeSpan window, string? groupKey, out string? reason)
    {
        reason = null;
        var related = new List<IncidentState>();
        Neighbourhood? neighbours = null;
        bool late = false, unsupported = false;
        foreach (var incident in OpenIncidentsOldestFirst())
        {
            if (incident.Recovered(signal.Timestamp, window))
            {
                continue; // its problem is over: a new condition nearby is a new problem
            }

            // Its own entity joins an incident for as long as it is open; the window applies to everything else.
            if (incident.HasEntity(signal.Entity))
            {
                related.Add(incident);
                continue;
            }

            if (signal.Timestamp - incident.LastSeen > window)
            {
                continue;
            }

            if (groupKey is not null && incident.GroupKeys.Contains(groupKey))
            {
                related.Add(incident);
                reason ??= $"{signal.Entity} joined: same {groupKey}";
                continue;
            }

            neighbours ??= NeighbourhoodOf(signal.Entity, signal.Timestamp);
            var through = ConnectingMember(incident, signal, neighbours, window, ref late, out var asDependency);
            if (through is null && !IsCoOnset(incident, signal))
            {
                continue;
            }

            if (!BringsEvidence(incident, signal, rule, window, asDependency))
            {
                unsupported = true;
                continue;
            }

            related.Add(incident);
            reason ??= through is not null
                ? ConnectionReason(signal.Entity, through, window)
                : $"{signal.Entity} joined: its {signal.Indicator} went wrong within {_options.CoOnsetWindow.TotalSeconds:0} s of this incident's first anomaly ({string.Join(", ", incident.Entities.Take(3))}): a shared cause is likely";
        }

        if (related.Count == 0)
        {
            Counters.LateDependencies += late ? 1 : 0;
            Counters.Unsupported += unsupported ? 1 : 0;
        }

        return related;
    }

    /// <summary>
    /// The active member the signal's entity is related to, or null; <paramref name="asDependency"/> when the entity
    /// is a dependency of a connecting member (it runs on or is called by it) that went wrong early enough to be its
    /// cause. A dependency that went wrong well after its caller did cannot have caused the caller's trouble, and
    /// damage travels from a dependency to its callers, not back: that member does not connect it.
    /// </summary>
    private string? ConnectingMember(IncidentState incident, Signal signal, Neighbourhood neighbours, TimeSpan window, ref bool late, out bool asDependency)
    {
        string? through = null;
        asDependency = false;
        foreach (var entity in incident.Entities)
        {
            // The neighbour must itself be active: a member that went quiet long ago connects nothing new.
            if (!neighbours.All.Contains(entity) || signal.Timestamp - incident.EntityLastSeen(entity) > window)
            {
                continue;
            }

            if (neighbours.IsOnlyDependedOnBy(entity))
            {
                if (_options.DependencyOnsetLag > TimeSpan.Zero && TroubleOnset(signal, window) - incident.EntityOnset(entity) > _options.DependencyOnsetLag)
                {
                    late = true;
                    continue;
                }

                asDependency = true;
                return entity;
            }

            through ??= entity;
        }

        return through;
    }

    // Only anomalies against an incident that began with anomalies: a page that happened to fire that minute is not a symptom.
    private bool IsCoOnset(IncidentState incident, Signal signal) =>
        _options.CoOnsetWindow > TimeSpan.Zero && signal.Kind == SignalKind.Anomaly && incident.FirstAnomalyOnset != DateTimeOffset.MaxValue &&
        (signal.Onset - incident.FirstAnomalyOnset).Duration() < _options.CoOnsetWindow;

    private List<IncidentState> OpenIncidentsOldestFirst()
    {
        _candidates.Clear();
        foreach (var incident in _incidents.Values)
        {
            if (incident.Status == IncidentStatus.Open)
            {
                _candidates.Add(incident);
            }
        }

        if (_candidates.Count > 1)
        {
            _candidates.Sort(static (a, b) => a.FirstSeen != b.FirstSeen ? a.FirstSeen.CompareTo(b.FirstSeen) : string.CompareOrdinal(a.Id, b.Id));
        }

        return _candidates;
    }

    /// <summary>Entities within MaxHops in the dependency graph (with direction), plus the hosts it runs on (or the services a host runs); cached briefly.</summary>
    private Neighbourhood NeighbourhoodOf(string entity, DateTimeOffset now)
    {
        if (_neighbourhoods.TryGetValue(entity, out var cached) && now - cached.At < NeighbourhoodTtl && now >= cached.At)
        {
            return cached;
        }

        var result = new Neighbourhood(now);
        result.All.Add(entity);
        if (_options.MaxHops >= 1)
        {
            // One hop (the default) straight from the graph's lists; more hops walk on.
            var callees = _topology.Callees(entity);
            var callers = _topology.Callers(entity);
            result.Dependencies.AddRange(callees);
            result.Dependents.AddRange(callers);
            result.All.UnionWith(callees);
            result.All.UnionWith(callers);
            if (_options.MaxHops > 1)
            {
                Walk(entity, result.Dependencies, static (graph, node) => graph.Callees(node));
                Walk(entity, result.Dependents, static (graph, node) => graph.Callers(node));

                // Undirected: mixed paths (two services sharing a dependency, at two hops) relate them without a direction.
                Walk(entity, result.All, static (graph, node) => [.. graph.Callees(node), .. graph.Callers(node)]);
            }
        }

        foreach (var related in _hosts.Related(entity))
        {
            result.All.Add(related);
            if (_hosts.HostsOf(entity).Contains(related, StringComparer.Ordinal))
            {
                result.Dependencies.Add(related); // the host it runs on
            }
            else
            {
                result.Dependents.Add(related); // a service running on this host
            }
        }

        _neighbourhoods[entity] = result;
        return result;
    }

    private void Walk(string entity, ICollection<string> into, Func<AIOps.Core.Topology.DependencyGraph, string, IReadOnlyList<string>> step)
    {
        var seen = new HashSet<string>(into, StringComparer.Ordinal) { entity };
        var frontier = new List<string> { entity };
        for (var hop = 0; hop < _options.MaxHops && frontier.Count > 0; hop++)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var neighbour in step(_topology, node))
                {
                    if (seen.Add(neighbour))
                    {
                        into.Add(neighbour);
                        next.Add(neighbour);
                    }
                    else if (hop == 0)
                    {
                        next.Add(neighbour); // reached at one hop already; walk on from it
                    }
                }
            }

            frontier = next;
        }
    }

    private string ConnectionReason(string from, string to, TimeSpan window)
    {
        var path = _topology.Path(from, to, _options.MaxHops);
        return path is null
            ? $"{from} joined: runs on or hosts {to} within {window.TotalMinutes:0} min"
            : $"{from} joined: connected to {to} ({string.Join(" - ", path)}) within {window.TotalMinutes:0} min";
    }

    private IncidentState? FindSimilar(Signal signal, TimeSpan window, out double best)
    {
        best = 0;
        if (_options.SimilarityThreshold <= 0)
        {
            return null;
        }

        IncidentState? match = null;
        var tokens = _similarity.Tokens(signal);
        foreach (var incident in OpenIncidentsOldestFirst())
        {
            if (signal.Timestamp - incident.LastSeen > window || incident.Recovered(signal.Timestamp, window))
            {
                continue;
            }

            foreach (var member in incident.Newest(_options.SimilarityMembers))
            {
                if (member.Kind == SignalKind.Change)
                {
                    continue;
                }

                var score = _similarity.Jaccard(tokens, _similarity.Tokens(member));
                if (score > best)
                {
                    best = score;
                    match = incident;
                }
            }
        }

        return best >= _options.SimilarityThreshold ? match : null;
    }

    private void Merge(IncidentState target, IncidentState other, Signal bridge, ICollection<IncidentChange> changes)
    {
        target.Absorb(other);
        foreach (var signal in other.Signals)
        {
            _byFingerprint[signal.Fingerprint] = target;
        }

        target.AddReason($"merged {other.Id}: {bridge.Indicator} on {bridge.Entity} connects both");
        other.Status = IncidentStatus.Resolved;
        other.ResolvedAt = bridge.Timestamp;
        other.MergedInto = target.Id;
        other.AddReason($"merged into {target.Id}");
        Emit(other, IncidentChangeKind.Merged, $"merged into {target.Id}", changes);
        _incidents.Remove(other.Id);
    }

    private void ObserveChange(Signal change, ICollection<IncidentChange> changes)
    {
        _recentChanges.Add(change);
        foreach (var incident in _incidents.Values.Where(i => i.Status == IncidentStatus.Open).OrderBy(i => i.Id, StringComparer.Ordinal).ToList())
        {
            if (IsNear(incident, change.Entity, change.Timestamp) && !incident.HasSignal(change))
            {
                incident.AddSignal(change);
                incident.AddReason($"change {change.Indicator} on {change.Entity} during the incident");
                Emit(incident, IncidentChangeKind.Updated, $"change {change.Indicator} on {change.Entity} attached", changes);
            }
        }
    }

    private void ObserveResolution(Signal signal, ICollection<IncidentChange> changes)
    {
        if (!_byFingerprint.TryGetValue(signal.Fingerprint, out var incident) || incident.Status != IncidentStatus.Open || incident.HasSignal(signal))
        {
            return;
        }

        if (!incident.AddSignal(signal))
        {
            return;
        }

        if (incident.Policy == Rules.ResolvePolicy.AllResolved && !incident.Flapping && incident.AllAlertsResolved())
        {
            Resolve(incident, signal.Timestamp, $"resolved: every alert resolved (last {signal.Indicator} on {signal.Entity})", changes);
            return;
        }

        Emit(incident, IncidentChangeKind.Updated, $"{signal.Indicator} on {signal.Entity} resolved", changes);
    }

    /// <summary>
    /// Changes on the incident's entities or their neighbours shortly before its onset are evidence; weak signals
    /// held back on them within the window are members.
    /// </summary>
    private void AttachChanges(IncidentState incident)
    {
        for (var i = 0; i < _weak.Count; i++)
        {
            var weak = _weak[i];
            if (weak.Timestamp >= incident.FirstSeen - _options.Window && weak.Timestamp <= incident.LastSeen + _options.Window && IsNear(incident, weak.Entity, weak.Timestamp))
            {
                Add(incident, weak);
                incident.AddReason($"{weak.Indicator} on {weak.Entity} joined: too weak to open an incident, near this one in time and topology");
                _weak.RemoveAt(i--);
            }
        }

        foreach (var change in _recentChanges)
        {
            if (change.Timestamp >= incident.FirstSeen - _options.ChangeLookback &&
                change.Timestamp <= incident.LastSeen &&
                IsNear(incident, change.Entity, change.Timestamp) &&
                !incident.HasSignal(change))
            {
                incident.AddSignal(change);
                incident.AddReason($"change {change.Indicator} on {change.Entity} {(incident.FirstSeen - change.Timestamp).TotalMinutes:0} min before onset");
            }
        }
    }

    private bool IsNear(IncidentState incident, string entity, DateTimeOffset now)
    {
        if (incident.HasEntity(entity))
        {
            return true;
        }

        var neighbours = NeighbourhoodOf(entity, now).All;
        foreach (var member in incident.Entities)
        {
            if (neighbours.Contains(member))
            {
                return true;
            }
        }

        return false;
    }
}
