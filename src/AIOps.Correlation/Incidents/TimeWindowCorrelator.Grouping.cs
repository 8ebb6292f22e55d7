using AIOps.Core.Model;

namespace AIOps.Correlation.Incidents;

public sealed partial class TimeWindowCorrelator
{
    /// <summary>Open incidents the signal belongs to, oldest first, with the reason for the first match.</summary>
    private List<IncidentState> FindRelated(Signal signal, out string? reason)
    {
        reason = null;
        var related = new List<IncidentState>();
        foreach (var incident in _incidents.Values.OrderBy(i => i.FirstSeen).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            if (incident.Status != IncidentStatus.Open || signal.Timestamp - incident.LastSeen > _options.Window)
            {
                continue;
            }

            if (incident.HasEntity(signal.Entity))
            {
                related.Add(incident);
                continue;
            }

            foreach (var entity in incident.Entities)
            {
                if (_topology.Path(signal.Entity, entity, _options.MaxHops) is { } path)
                {
                    related.Add(incident);
                    reason ??= $"{signal.Entity} joined: connected to {entity} ({string.Join(" - ", path)}) within {_options.Window.TotalMinutes:0} min";
                    break;
                }
            }
        }

        return related;
    }

    private IncidentState? FindReopenable(Signal signal) =>
        _incidents.Values
            .Where(i => i.Status == IncidentStatus.Resolved && i.HasEntity(signal.Entity) && signal.Timestamp - i.ResolvedAt <= _options.ReopenWindow)
            .OrderByDescending(i => i.ResolvedAt)
            .FirstOrDefault();

    private void Merge(IncidentState target, IncidentState other, Signal bridge, ICollection<IncidentChange> changes)
    {
        target.Absorb(other);
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
            if (IsNear(incident, change.Entity) && !incident.HasSignal(change))
            {
                incident.AddSignal(change);
                incident.AddReason($"change {change.Indicator} on {change.Entity} during the incident");
                Emit(incident, IncidentChangeKind.Updated, $"change {change.Indicator} on {change.Entity} attached", changes);
            }
        }
    }

    private void ObserveResolution(Signal signal, ICollection<IncidentChange> changes)
    {
        foreach (var incident in _incidents.Values.Where(i => i.Status == IncidentStatus.Open).OrderBy(i => i.Id, StringComparer.Ordinal).ToList())
        {
            if (incident.Signals.Any(s => s.Fingerprint == signal.Fingerprint) && !incident.HasSignal(signal) && incident.AddSignal(signal))
            {
                Emit(incident, IncidentChangeKind.Updated, $"{signal.Indicator} on {signal.Entity} resolved", changes);
            }
        }
    }

    /// <summary>
    /// Changes on the incident's entities or their neighbours shortly before its onset are evidence; weak signals
    /// held back on them within the window are members.
    /// </summary>
    private void AttachChanges(IncidentState incident)
    {
        for (var i = 0; i < _pending.Count; i++)
        {
            var weak = _pending[i];
            if (weak.Timestamp >= incident.FirstSeen - _options.Window && weak.Timestamp <= incident.LastSeen + _options.Window && IsNear(incident, weak.Entity))
            {
                incident.AddSignal(weak);
                incident.AddReason($"{weak.Indicator} on {weak.Entity} joined: too weak to open an incident, near this one in time and topology");
                _pending.RemoveAt(i--);
            }
        }

        foreach (var change in _recentChanges)
        {
            if (change.Timestamp >= incident.FirstSeen - _options.ChangeLookback &&
                change.Timestamp <= incident.LastSeen &&
                IsNear(incident, change.Entity) &&
                !incident.HasSignal(change))
            {
                incident.AddSignal(change);
                incident.AddReason($"change {change.Indicator} on {change.Entity} {(incident.FirstSeen - change.Timestamp).TotalMinutes:0} min before onset");
            }
        }
    }

    private bool IsNear(IncidentState incident, string entity) =>
        incident.HasEntity(entity) || incident.Entities.Any(e => _topology.Path(entity, e, _options.MaxHops) is not null);
}
