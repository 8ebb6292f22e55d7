using System.Text;
using AIOps.Core.Model;
using AIOps.Correlation.Rules;

namespace AIOps.Correlation.Incidents;

public sealed partial class TimeWindowCorrelator
{
    private readonly Dictionary<string, List<Signal>> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Rule, string Key), InhibitionSource> _inhibitionSources = [];

    private object? Muting(Signal signal)
    {
        foreach (var fromRules in _rules.Silences)
        {
            if (fromRules.Mutes(signal))
            {
                return fromRules;
            }
        }

        if (_silences.Muting(signal) is { } silence)
        {
            return silence;
        }

        foreach (var window in _rules.Maintenance)
        {
            if (window.Mutes(signal))
            {
                return window;
            }
        }

        return null;
    }

    /// <summary>The rule's name and its group_by label values, or null (no rule, no group_by, or a label missing).</summary>
    private static string? GroupKey(Signal signal, CorrelationRule? rule)
    {
        if (rule is null || rule.GroupBy.Count == 0)
        {
            return null;
        }

        var key = new StringBuilder(rule.Name);
        foreach (var label in rule.GroupBy)
        {
            var value = label == RuleFields.Entity ? signal.Entity : signal.Labels.Get(label);
            if (value is null)
            {
                return null;
            }

            key.Append(' ').Append(label).Append('=').Append(value);
        }

        return key.ToString();
    }

    /// <summary>Holds signals until their rule's minimum count of distinct conditions is reached within the window.</summary>
    private void OpenOrHold(Signal signal, CorrelationRule? rule, TimeSpan window, string? groupKey, ICollection<IncidentChange> changes)
    {
        if (rule is null || rule.MinCount <= 1)
        {
            Open(signal, rule, groupKey, [], changes);
            return;
        }

        var key = groupKey ?? PendingKey(rule, signal);
        if (!_pending.TryGetValue(key, out var held))
        {
            _pending[key] = held = [];
        }

        held.RemoveAll(s => signal.Timestamp - s.Timestamp > window || s.Fingerprint == signal.Fingerprint);
        held.Add(signal);

        // Older held conditions stay (an incident reaching the entity adopts them) but only recent ones corroborate.
        var corroboration = rule.CorroborationWindow is { } within && within < window ? within : window;
        var corroborating = 0;
        foreach (var s in held)
        {
            if (signal.Timestamp - s.Timestamp <= corroboration)
            {
                corroborating++;
            }
        }

        // Per entity, a condition of any kind corroborates (an anomaly and a warning on the same service within
        // minutes are one problem seen twice), as it does when a signal joins an incident (BringsEvidence): a service
        // exporting a single latency series has no second anomaly to offer, but its own alert is there. Within the
        // short corroboration window only: two unrelated blips ten minutes apart are not one problem.
        if (groupKey is null && corroborating < rule.MinCount && _activity.TryGetValue(signal.Entity, out var activity))
        {
            var anyKind = _options.AnomalyCorroborationWindow > TimeSpan.Zero && _options.AnomalyCorroborationWindow < corroboration ? _options.AnomalyCorroborationWindow : corroboration;
            corroborating = Math.Max(corroborating, activity.ConditionsWithin(signal.Timestamp, anyKind, signal.Fingerprint, novelties: false));
        }

        var persisted = rule.Persist is { } persist && signal.Timestamp - signal.Onset >= persist;
        if (corroborating < rule.MinCount && !persisted)
        {
            Counters.Pending++;
            return;
        }

        _pending.Remove(key);
        foreach (var condition in held)
        {
            if (FindReopenable(condition) is { } resolved)
            {
                // A corroborated return of a condition of a recently resolved incident reopens it.
                Reopen(resolved, condition, [.. held.Where(s => !ReferenceEquals(s, condition))], changes);
                return;
            }
        }

        var because = corroborating >= rule.MinCount
            ? $"{corroborating} conditions within {corroboration.TotalMinutes:0} min"
            : $"lasted {(signal.Timestamp - signal.Onset).TotalMinutes:0} min";
        Open(held[0], rule, groupKey, held.GetRange(1, held.Count - 1), changes, because);
    }

    private static string PendingKey(CorrelationRule rule, Signal signal) => $"{rule.Name} entity={signal.Entity}";

    /// <summary>Held signals on the entities of a new incident join it (they were waiting for corroboration).</summary>
    private void AdoptPending(IncidentState incident)
    {
        foreach (var key in _pending.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var held = _pending[key];
            for (var i = held.Count - 1; i >= 0; i--)
            {
                if (incident.HasEntity(held[i].Entity) && incident.LastSeen - held[i].Timestamp <= _options.Window)
                {
                    Add(incident, held[i]);
                    held.RemoveAt(i);
                }
            }

            if (held.Count == 0)
            {
                _pending.Remove(key);
            }
        }
    }

    private void PrunePending(DateTimeOffset now)
    {
        foreach (var key in _pending.Keys.ToList())
        {
            var held = _pending[key];
            held.RemoveAll(s => now - s.Timestamp > _options.Window + _options.QuietPeriod);
            if (held.Count == 0)
            {
                _pending.Remove(key);
            }
        }
    }

    private void TrackInhibitionSource(Signal signal)
    {
        for (var i = 0; i < _rules.Inhibitions.Count; i++)
        {
            var rule = _rules.Inhibitions[i];
            if (SignalMatcher.All(rule.Source, signal) && EqualKey(signal, rule.Equal) is { } key)
            {
                _inhibitionSources[(i, key)] = new InhibitionSource(rule.Name, signal.Fingerprint, signal.Indicator, signal.Entity, signal.Timestamp, signal.Resolved);
            }
        }
    }

    private InhibitionSource? InhibitedBy(Signal signal, TimeSpan window)
    {
        _ = window;
        for (var i = 0; i < _rules.Inhibitions.Count; i++)
        {
            var rule = _rules.Inhibitions[i];
            if (SignalMatcher.All(rule.Target, signal) &&
                EqualKey(signal, rule.Equal) is { } key &&
                _inhibitionSources.TryGetValue((i, key), out var source) &&
                !source.Resolved &&
                source.Fingerprint != signal.Fingerprint &&
                signal.Timestamp - source.LastSeen <= _options.InhibitionTtl &&
                signal.Timestamp >= source.LastSeen - _options.Window)
            {
                return source;
            }
        }

        return null;
    }

    private void JoinInhibited(Signal signal, InhibitionSource source, ICollection<IncidentChange> changes)
    {
        if (!_byFingerprint.TryGetValue(source.Fingerprint, out var incident) || incident.Status != IncidentStatus.Open)
        {
            Counters.Inhibited++;
            return;
        }

        if (incident.HasSignal(signal))
        {
            return;
        }

        var changed = Add(incident, signal);
        incident.AddReason($"{signal.Indicator} on {signal.Entity} inhibited by {source.Indicator} on {source.Entity} ({source.Rule})");
        if (changed)
        {
            Emit(incident, IncidentChangeKind.Updated, $"{signal.Indicator} on {signal.Entity} joined (inhibited by {source.Indicator})", changes);
        }
    }

    private void PruneInhibitionSources(DateTimeOffset now)
    {
        foreach (var (key, source) in _inhibitionSources.ToList())
        {
            if (source.Resolved || now - source.LastSeen > _options.InhibitionTtl)
            {
                _inhibitionSources.Remove(key);
            }
        }
    }

    private static string? EqualKey(Signal signal, IReadOnlyList<string> labels)
    {
        if (labels.Count == 0)
        {
            return string.Empty;
        }

        var key = new StringBuilder();
        foreach (var label in labels)
        {
            var value = label == RuleFields.Entity ? signal.Entity : signal.Labels.Get(label);
            if (value is null)
            {
                return null;
            }

            key.Append(value).Append('\u001f');
        }

        return key.ToString();
    }

    private sealed record InhibitionSource(string Rule, string Fingerprint, string Indicator, string Entity, DateTimeOffset LastSeen, bool Resolved);
}
