using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Topology;
using AIOps.Correlation.Rules;

namespace AIOps.Correlation.Incidents;

/// <summary>
/// Groups signals into incidents. In order: silences and maintenance windows mute a signal; the first matching
/// rule may drop it or map its severity; a repeat of a condition already in an open incident refreshes it
/// (dedup by fingerprint); an inhibited signal joins the incident of the signal inhibiting it; a condition of a
/// recently resolved incident coming back reopens it; otherwise it joins every open, not yet recovered incident seen
/// within the window that it is related to (same entity, the same rule group, a dependency or host within
/// <see cref="CorrelatorOptions.MaxHops"/>, an onset in the same minute as the incident's first anomaly) and those
/// merge. Relations respect causal direction: a dependency of a member (a callee, the member's host) that went wrong
/// more than <see cref="CorrelatorOptions.DependencyOnsetLag"/> after the member did is not connected through it.
/// A signal bringing a new entity in must carry evidence of its own: its rule's corroboration (distinct conditions
/// on its entity, any kind) and, for an alert joining anomalies from the symptom side, an anomaly of its entity or
/// the same alert already in the incident. Failing all that, an incident it closely resembles
/// (<see cref="SignalSimilarity"/>); failing that, it opens a new one once its rule's minimum count is reached
/// (else it is held). Quiet incidents resolve, and one that keeps reopening is marked flapping and held open. Change
/// events never open an incident; they are attached as evidence. Driven only by event time, so the same input always
/// gives the same incidents.
/// </summary>
public sealed partial class TimeWindowCorrelator : ICorrelator
{
    private readonly DependencyGraph _topology;
    private readonly CorrelatorOptions _options;
    private readonly RuleSet _rules;
    private readonly ISilenceStore _silences;
    private readonly HostMap _hosts;
    private readonly CorrelationRule? _anomalyDefault;
    private readonly SignalSimilarity _similarity = new();
    private readonly Dictionary<string, IncidentState> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IncidentState> _byFingerprint = new(StringComparer.Ordinal);
    private readonly List<Signal> _recentChanges = [];
    private readonly List<IncidentState> _candidates = [];
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private DateTimeOffset _lastExpiry = DateTimeOffset.MinValue;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    // Signals too weak to open an incident (log novelties, low scores); they join one that forms nearby in time.
    private readonly List<Signal> _weak = [];

    public TimeWindowCorrelator(DependencyGraph topology, CorrelatorOptions? options = null, RuleSet? rules = null, ISilenceStore? silences = null, HostMap? hosts = null)
    {
        _topology = topology;
        _options = options ?? new CorrelatorOptions();
        _rules = rules ?? RuleSet.Empty;
        _silences = silences ?? new SilenceRegistry();
        _hosts = hosts ?? HostMap.Empty;
        _anomalyDefault = _options.AnomalyMinCount > 1
            ? new CorrelationRule { Name = "default-anomalies", MinCount = _options.AnomalyMinCount, Persist = _options.AnomalyPersist, CorroborationWindow = _options.AnomalyCorroborationWindow }
            : null;
    }

    /// <summary>
    /// Silences added at run time (the API adds and removes them; a <see cref="FileSilenceStore"/> keeps them over
    /// restarts). The rule files' silences are checked beside them and never copied in, so editing a file and
    /// restarting is enough to change those.
    /// </summary>
    public ISilenceStore Silences => _silences;

    /// <summary>What happened to the signals that did not become incident members.</summary>
    public CorrelatorCounters Counters { get; } = new();

    public IReadOnlyCollection<Incident> OpenIncidents =>
        [.. _incidents.Values.Where(i => i.Status == IncidentStatus.Open).Select(i => i.Snapshot("current"))];

    public void Observe(Signal signal, ICollection<IncidentChange> changes)
    {
        if (signal.Kind == SignalKind.Change)
        {
            ObserveChange(signal, changes);
            return;
        }

        if (Muting(signal) is not null)
        {
            Counters.Muted++;
            return;
        }

        var rule = _rules.RuleFor(signal) ?? (signal.Kind == SignalKind.Anomaly ? _anomalyDefault : null);
        if (rule is not null)
        {
            if (rule.Drop)
            {
                Counters.Dropped++;
                return;
            }

            var severity = rule.MapSeverity(signal.Severity);
            if (severity != signal.Severity)
            {
                signal = signal with { Severity = severity };
            }
        }

        TrackInhibitionSource(signal);
        TrackActivity(signal);
        if (signal.Resolved)
        {
            ObserveResolution(signal, changes);
            return;
        }

        var window = rule?.Window ?? _options.Window;
        // While its incident is open (quiet period not over, or held open by flap damping), a condition belongs to it.
        if (_byFingerprint.TryGetValue(signal.Fingerprint, out var known) && known.Status == IncidentStatus.Open)
        {
            Refresh(known, signal, changes); // the fast path of an alert storm: a repeat of a known condition
            return;
        }

        if (InhibitedBy(signal, window) is { } inhibition)
        {
            JoinInhibited(signal, inhibition, changes);
            return;
        }

        // A condition of a recently resolved incident coming back reopens that incident before a neighbour's can take it.
        if (known is { Status: IncidentStatus.Resolved, MergedInto: null } && signal.Timestamp - known.ResolvedAt <= _options.ReopenWindow && CanOpenAlone(signal, rule))
        {
            Reopen(known, signal, [], changes);
            return;
        }

        var groupKey = GroupKey(signal, rule);
        var related = FindRelated(signal, rule, window, groupKey, out var reason);
        if (related.Count == 0)
        {
            ObserveUnrelated(signal, rule, window, groupKey, changes);
            return;
        }

        var target = related[0];
        if (target.HasSignal(signal))
        {
            return; // a replayed signal: idempotent
        }

        for (var i = 1; i < related.Count; i++)
        {
            Merge(target, related[i], signal, changes);
        }

        var changed = Add(target, signal) | related.Count > 1;
        if (groupKey is not null)
        {
            target.GroupKeys.Add(groupKey);
        }

        if (reason is not null)
        {
            target.AddReason(reason);
        }

        AttachChanges(target);
        if (changed && _pending.Count > 0)
        {
            AdoptPending(target); // held signals on an entity the incident just reached are its symptoms too
        }

        if (changed)
        {
            Emit(target, IncidentChangeKind.Updated, $"{signal.Indicator} on {signal.Entity} joined", changes);
        }
    }

    public void AdvanceTo(DateTimeOffset now, ICollection<IncidentChange> changes)
    {
        // The engine calls this after every message; sweeping at most once per second of event time keeps it cheap,
        // and resolution times are computed from LastSeen, not from when the sweep ran.
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + SweepInterval;
        foreach (var incident in _incidents.Values.OrderBy(i => i.Id, StringComparer.Ordinal).ToList())
        {
            if (incident.Status == IncidentStatus.Open && now - incident.LastSeen > QuietPeriodOf(incident))
            {
                Resolve(incident, incident.LastSeen + QuietPeriodOf(incident), $"resolved: no new signal for {QuietPeriodOf(incident).TotalMinutes:0} min{(incident.Flapping ? " (after flapping)" : string.Empty)}", changes);
            }
            else if (incident.Status == IncidentStatus.Resolved && now - incident.ResolvedAt > _options.ReopenWindow)
            {
                Forget(incident);
            }
        }

        _recentChanges.RemoveAll(c => now - c.Timestamp > _options.ChangeLookback + _options.Window);
        _weak.RemoveAll(p => now - p.Timestamp > _options.Window);
        PrunePending(now);
        PruneInhibitionSources(now);
        if (now - _lastExpiry >= _options.EdgeExpiryInterval)
        {
            _lastExpiry = now;
            Counters.ExpiredEdges += _topology.Expire(now - _options.EdgeTtl);
            _neighbourhoods.Clear();
            PruneActivity(now);
        }
    }

    public void Restore(IEnumerable<Incident> incidents)
    {
        foreach (var incident in incidents)
        {
            var state = IncidentState.FromSnapshot(incident);
            var first = incident.Signals.Where(s => s.Kind != SignalKind.Change).MinBy(s => s.Onset);
            state.Rule = first is null ? null : _rules.RuleFor(first);
            state.QuietPeriod = state.Rule?.QuietPeriod ?? _options.QuietPeriod;
            state.Policy = state.Rule?.Resolve ?? ResolvePolicy.Quiet;
            _incidents[incident.Id] = state;
            foreach (var signal in incident.Signals)
            {
                _byFingerprint[signal.Fingerprint] = state;
            }
        }
    }

    private void Refresh(IncidentState incident, Signal signal, ICollection<IncidentChange> changes)
    {
        if (incident.HasSignal(signal))
        {
            return;
        }

        if (incident.AddSignal(signal))
        {
            Emit(incident, IncidentChangeKind.Updated, $"{signal.Indicator} on {signal.Entity} changed", changes);
        }
    }

    private bool Add(IncidentState incident, Signal signal)
    {
        _byFingerprint[signal.Fingerprint] = incident;
        return incident.AddSignal(signal);
    }

    private void Open(Signal signal, CorrelationRule? rule, string? groupKey, IReadOnlyList<Signal> pending, ICollection<IncidentChange> changes, string? corroborated = null)
    {
        var id = $"inc-{StableHash.Hex(StableHash.Of(signal.Id))[..12]}";
        if (_incidents.ContainsKey(id))
        {
            return; // the same opening signal replayed after its incident was closed and forgotten
        }

        var incident = new IncidentState(id, signal.Onset)
        {
            Rule = rule,
            QuietPeriod = rule?.QuietPeriod ?? _options.QuietPeriod,
            Policy = rule?.Resolve ?? ResolvePolicy.Quiet,
        };
        Add(incident, signal);
        foreach (var member in pending)
        {
            Add(incident, member);
        }

        if (groupKey is not null)
        {
            incident.GroupKeys.Add(groupKey);
        }

        var because = rule is null ? string.Empty
            : corroborated is not null ? $" (rule {rule.Name}: {corroborated})"
            : $" (rule {rule.Name})";
        incident.AddReason($"opened by {signal.Kind.ToString().ToLowerInvariant()} {signal.Indicator} on {signal.Entity}{because}");
        _incidents[id] = incident;
        AdoptPending(incident);
        AttachChanges(incident);
        Emit(incident, IncidentChangeKind.Opened, $"opened by {signal.Indicator} on {signal.Entity}", changes);
    }

    private void Emit(IncidentState incident, IncidentChangeKind kind, string change, ICollection<IncidentChange> changes)
    {
        incident.Version++;
        changes.Add(new IncidentChange(incident.Snapshot(change), kind));
    }
}
