using AIOps.Core.Model;
using AIOps.Correlation.Rules;

namespace AIOps.Correlation.Incidents;

/// <summary>The mutable working copy of one incident; <see cref="Snapshot"/> makes the immutable version.</summary>
internal sealed class IncidentState
{
    private readonly List<string> _entities = [];
    private readonly Dictionary<string, Signal> _signals = new(StringComparer.Ordinal);
    private readonly List<string> _signalOrder = [];
    private readonly List<string> _reasons = [];
    private readonly Dictionary<string, DateTimeOffset> _entityLastSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _entityOnset = new(StringComparer.Ordinal);
    private readonly HashSet<string> _alertNames = new(StringComparer.Ordinal);
    private int _alerts;
    private int _firingAlerts;
    private DateTimeOffset _lastAnomaly = DateTimeOffset.MinValue;

    /// <summary>Earliest onset among the anomaly members (MaxValue when there are none).</summary>
    public DateTimeOffset FirstAnomalyOnset { get; private set; } = DateTimeOffset.MaxValue;

    public IncidentState(string id, DateTimeOffset firstSeen)
    {
        Id = id;
        FirstSeen = firstSeen;
        LastSeen = firstSeen;
    }

    public string Id { get; }

    public long Version { get; set; }

    public IncidentStatus Status { get; set; } = IncidentStatus.Open;

    public DateTimeOffset FirstSeen { get; private set; }

    public DateTimeOffset LastSeen { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? MergedInto { get; set; }

    /// <summary>The rule of the opening signal: title, resolve policy and quiet period.</summary>
    public CorrelationRule? Rule { get; set; }

    public TimeSpan QuietPeriod { get; set; }

    public ResolvePolicy Policy { get; set; }

    /// <summary>Rule group keys (rule name + group_by values) whose signals belong here.</summary>
    public HashSet<string> GroupKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>When it reopened (flap damping counts these within the flap period).</summary>
    public List<DateTimeOffset> Reopens { get; } = [];

    public bool Flapping { get; set; }

    public int SignalCount => _signalOrder.Count;

    public IReadOnlyList<string> Entities => _entities;

    public IEnumerable<Signal> Signals => _signalOrder.Select(f => _signals[f]);

    public static IncidentState FromSnapshot(Incident incident)
    {
        var state = new IncidentState(incident.Id, incident.FirstSeen)
        {
            Version = incident.Version,
            Status = incident.Status,
            LastSeen = incident.LastSeen,
            ResolvedAt = incident.ResolvedAt,
            MergedInto = incident.MergedInto,
        };
        foreach (var signal in incident.Signals)
        {
            state.AddSignal(signal);
        }

        state._reasons.AddRange(incident.Reasons);
        return state;
    }

    public bool HasEntity(string entity)
    {
        for (var i = 0; i < _entities.Count; i++)
        {
            if (string.Equals(_entities[i], entity, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public bool HasFingerprint(string fingerprint) => _signals.ContainsKey(fingerprint);

    /// <summary>When the entity last signalled in this incident (a neighbour joins only while it is active).</summary>
    public DateTimeOffset EntityLastSeen(string entity) => _entityLastSeen.GetValueOrDefault(entity, LastSeen);

    /// <summary>When the entity's trouble began in this incident: the earliest onset among its members.</summary>
    public DateTimeOffset EntityOnset(string entity) => _entityOnset.GetValueOrDefault(entity, FirstSeen);

    /// <summary>True when some member anomaly exists: the detection stage watches this incident's entities.</summary>
    public bool HasAnomalies => FirstAnomalyOnset != DateTimeOffset.MaxValue;

    /// <summary>True when a member alert has this name (on any entity): the same symptom spreading.</summary>
    public bool HasAlertNamed(string indicator) => _alertNames.Contains(indicator);

    /// <summary>The newest members (for similarity), newest first.</summary>
    public IEnumerable<Signal> Newest(int count)
    {
        for (var i = _signalOrder.Count - 1; i >= 0 && count-- > 0; i--)
        {
            yield return _signals[_signalOrder[i]];
        }
    }

    /// <summary>True when no member alert is firing any more (anomalies and changes do not hold it open).</summary>
    public bool AllAlertsResolved()
    {
        var any = false;
        foreach (var signal in _signals.Values)
        {
            if (signal.Kind == SignalKind.Alert)
            {
                any = true;
                if (!signal.Resolved)
                {
                    return false;
                }
            }
        }

        return any;
    }

    /// <summary>
    /// Recovered: it had alerts, every one of them has resolved, and no anomaly or novelty was seen within
    /// <paramref name="window"/> before <paramref name="now"/>. It stays open for its quiet period (a returning
    /// condition reopens or refreshes it) but new conditions no longer join it: without recovery evidence (only
    /// anomalies) an incident is never considered recovered.
    /// </summary>
    public bool Recovered(DateTimeOffset now, TimeSpan window) =>
        _alerts > 0 && _firingAlerts == 0 && now - _lastAnomaly > window;

    public bool HasSignal(Signal signal) => _signals.TryGetValue(signal.Fingerprint, out var known) && known.Id == signal.Id && known.Resolved == signal.Resolved;

    /// <summary>Adds or refreshes a member; returns true when it changed what the incident is (a new member, entity or state).</summary>
    public bool AddSignal(Signal signal)
    {
        var material = true;
        Count(signal, +1);
        if (_signals.TryGetValue(signal.Fingerprint, out var known))
        {
            Count(known, -1);
            // A repeat of a known condition only refreshes it, unless it got worse or resolved. It keeps the onset
            // of its firing: a resolution is stamped with its end time, which is not when the trouble began.
            material = signal.Resolved != known.Resolved || signal.Severity > known.Severity;
            var onset = known.Onset < signal.Onset ? known.Onset : signal.Onset;
            _signals[signal.Fingerprint] = signal with { Onset = onset, Score = Math.Max(signal.Score, known.Score) };
        }
        else
        {
            _signals[signal.Fingerprint] = signal;
            _signalOrder.Add(signal.Fingerprint);
        }

        if (signal.Kind != SignalKind.Change && !HasEntity(signal.Entity))
        {
            _entities.Add(signal.Entity);
            material = true;
        }

        if (signal.Kind != SignalKind.Change && (!_entityLastSeen.TryGetValue(signal.Entity, out var seen) || signal.Timestamp > seen))
        {
            _entityLastSeen[signal.Entity] = signal.Timestamp;
        }

        if (signal.Kind != SignalKind.Change && (!_entityOnset.TryGetValue(signal.Entity, out var entityOnset) || signal.Onset < entityOnset))
        {
            _entityOnset[signal.Entity] = signal.Onset;
        }

        if (signal.Kind == SignalKind.Alert)
        {
            _alertNames.Add(signal.Indicator);
        }

        if (signal.Kind == SignalKind.Anomaly && signal.Onset < FirstAnomalyOnset)
        {
            FirstAnomalyOnset = signal.Onset;
        }

        if (signal.Onset < FirstSeen && signal.Kind != SignalKind.Change)
        {
            FirstSeen = signal.Onset;
        }

        if (signal.Timestamp > LastSeen && signal.Kind != SignalKind.Change)
        {
            LastSeen = signal.Timestamp;
        }

        return material;
    }

    /// <summary>Keeps the alert tallies behind <see cref="Recovered"/> current as members are added or replaced.</summary>
    private void Count(Signal signal, int delta)
    {
        if (signal.Kind == SignalKind.Alert)
        {
            _alerts += delta;
            _firingAlerts += signal.Resolved ? 0 : delta;
        }
        else if (signal.Kind != SignalKind.Change && delta > 0 && signal.Timestamp > _lastAnomaly)
        {
            _lastAnomaly = signal.Timestamp;
        }
    }

    public void AddReason(string reason)
    {
        if (!_reasons.Contains(reason, StringComparer.Ordinal))
        {
            _reasons.Add(reason);
        }
    }

    public void Absorb(IncidentState other)
    {
        foreach (var signal in other.Signals)
        {
            AddSignal(signal);
        }

        foreach (var reason in other._reasons)
        {
            AddReason(reason);
        }

        GroupKeys.UnionWith(other.GroupKeys);
    }

    public Incident Snapshot(string change)
    {
        var signals = Signals.ToList();
        var problems = signals.Where(s => s.Kind != SignalKind.Change).ToList();
        var severity = problems.Count == 0 ? Severity.Unknown : problems.Max(s => s.Severity);
        return new Incident
        {
            Id = Id,
            Version = Version,
            Status = Status,
            Title = Rule?.Title is { } template && problems.Count > 0
                ? TitleTemplate.Render(template, problems.MinBy(s => s.Onset)!, Rule.Name, _entities.Count)
                : IncidentTitles.For(problems, _entities),
            Severity = severity,
            Entities = [.. _entities],
            Signals = signals,
            FirstSeen = FirstSeen,
            LastSeen = LastSeen,
            ResolvedAt = ResolvedAt,
            MergedInto = MergedInto,
            Reasons = [.. _reasons],
            Change = change,
        };
    }
}
