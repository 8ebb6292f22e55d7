using AIOps.Core.Model;
using AIOps.Correlation.Rules;

namespace AIOps.Correlation.Incidents;

public sealed partial class TimeWindowCorrelator
{
    /// <summary>Nothing open is connected to the signal: reopen, join by similarity, or open (rules permitting).</summary>
    private void ObserveUnrelated(Signal signal, CorrelationRule? rule, TimeSpan window, string? groupKey, ICollection<IncidentChange> changes)
    {
        // Only the same condition coming back reopens, and only if it could open an incident itself (a lone blip is
        // held like any other and reopens once corroborated): a different condition on the entity after its incident
        // resolved is a new problem.
        if (FindReopenable(signal) is { } resolved && CanOpenAlone(signal, rule))
        {
            Reopen(resolved, signal, [], changes);
            return;
        }

        if (FindSimilar(signal, window, out var similarity) is { } similar)
        {
            if (similar.HasSignal(signal))
            {
                return;
            }

            var resembled = similar.Newest(_options.SimilarityMembers).First(s => s.Kind != SignalKind.Change);
            Add(similar, signal);
            similar.AddReason($"{signal.Indicator} on {signal.Entity} joined: resembles the incident's signals (similarity {similarity:0.00}, e.g. {resembled.Indicator} on {resembled.Entity})");
            Emit(similar, IncidentChangeKind.Updated, $"{signal.Indicator} on {signal.Entity} joined by similarity", changes);
            return;
        }

        if (signal.Kind != SignalKind.Alert && signal.Score < _options.MinOpenScore)
        {
            Counters.Weak++;
            _weak.Add(signal); // may still join an incident that forms nearby (AttachChanges)
            return;
        }

        OpenOrHold(signal, rule, window, groupKey, changes);
    }

    private bool CanOpenAlone(Signal signal, CorrelationRule? rule) =>
        !(signal.Kind != SignalKind.Alert && signal.Score < _options.MinOpenScore) &&
        (rule is null || rule.MinCount <= 1 || (rule.Persist is { } persist && signal.Timestamp - signal.Onset >= persist));

    /// <summary>The most recently resolved incident (not merged away) that held this very condition, within the reopen window.</summary>
    private IncidentState? FindReopenable(Signal signal)
    {
        IncidentState? best = null;
        foreach (var incident in _incidents.Values)
        {
            if (incident.Status == IncidentStatus.Resolved && incident.MergedInto is null && incident.HasFingerprint(signal.Fingerprint) &&
                signal.Timestamp - incident.ResolvedAt <= _options.ReopenWindow &&
                (best is null || incident.ResolvedAt > best.ResolvedAt || (incident.ResolvedAt == best.ResolvedAt && string.CompareOrdinal(incident.Id, best.Id) < 0)))
            {
                best = incident;
            }
        }

        return best;
    }

    /// <summary>Reopens; an incident that keeps coming back within the flap period is marked flapping and held open longer.</summary>
    private void Reopen(IncidentState incident, Signal signal, IReadOnlyList<Signal> held, ICollection<IncidentChange> changes)
    {
        incident.Status = IncidentStatus.Open;
        incident.ResolvedAt = null;
        incident.Reopens.Add(signal.Timestamp);
        incident.Reopens.RemoveAll(t => signal.Timestamp - t > _options.FlapPeriod);
        Add(incident, signal);
        foreach (var member in held)
        {
            Add(incident, member);
        }

        incident.AddReason($"reopened: {signal.Indicator} on {signal.Entity} came back within {_options.ReopenWindow.TotalMinutes:0} min of resolution");
        var change = $"reopened by {signal.Indicator} on {signal.Entity}";
        if (!incident.Flapping && _options.FlapThreshold > 0 && incident.Reopens.Count >= _options.FlapThreshold)
        {
            incident.Flapping = true;
            incident.AddReason($"flapping: reopened {incident.Reopens.Count} times within {_options.FlapPeriod.TotalMinutes:0} min; held open until quiet for {QuietPeriodOf(incident).TotalMinutes:0} min");
            change += "; marked flapping";
        }

        Emit(incident, IncidentChangeKind.Reopened, change, changes);
    }

    private void Resolve(IncidentState incident, DateTimeOffset at, string reason, ICollection<IncidentChange> changes)
    {
        incident.Status = IncidentStatus.Resolved;
        incident.ResolvedAt = at;
        Emit(incident, IncidentChangeKind.Resolved, reason, changes);
    }

    private void Forget(IncidentState incident)
    {
        _incidents.Remove(incident.Id);
        foreach (var signal in incident.Signals)
        {
            if (_byFingerprint.TryGetValue(signal.Fingerprint, out var owner) && ReferenceEquals(owner, incident))
            {
                _byFingerprint.Remove(signal.Fingerprint);
            }
        }
    }

    private TimeSpan QuietPeriodOf(IncidentState incident)
    {
        var quiet = incident.QuietPeriod > TimeSpan.Zero ? incident.QuietPeriod : _options.QuietPeriod;
        return incident.Flapping && _options.FlapQuietPeriod > quiet ? _options.FlapQuietPeriod : quiet;
    }
}
