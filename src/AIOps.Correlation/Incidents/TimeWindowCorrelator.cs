using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Topology;

namespace AIOps.Correlation.Incidents;

/// <summary>
/// Groups signals into incidents: a signal joins an open incident seen within the window when it is on
/// one of its entities or on an entity connected to one (within <see cref="CorrelatorOptions.MaxHops"/>
/// in the dependency graph); when it connects several incidents they merge. Quiet incidents resolve, and a
/// new signal on a recently resolved one reopens it instead of opening a twin. Change events never open an
/// incident; they are kept and attached as evidence to incidents that start shortly after them.
/// Driven only by event time, so the same input always gives the same incidents.
/// </summary>
public sealed partial class TimeWindowCorrelator : ICorrelator
{
    private readonly DependencyGraph _topology;
    private readonly CorrelatorOptions _options;
    private readonly Dictionary<string, IncidentState> _incidents = new(StringComparer.Ordinal);
    private readonly List<Signal> _recentChanges = [];

    // Signals too weak to open an incident (log novelties, low scores); they join one that forms nearby in time.
    private readonly List<Signal> _pending = [];

    public TimeWindowCorrelator(DependencyGraph topology, CorrelatorOptions? options = null)
    {
        _topology = topology;
        _options = options ?? new CorrelatorOptions();
    }

    public IReadOnlyCollection<Incident> OpenIncidents =>
        [.. _incidents.Values.Where(i => i.Status == IncidentStatus.Open).Select(i => i.Snapshot("current"))];

    public void Observe(Signal signal, ICollection<IncidentChange> changes)
    {
        if (signal.Kind == SignalKind.Change)
        {
            ObserveChange(signal, changes);
            return;
        }

        if (signal.Resolved)
        {
            ObserveResolution(signal, changes);
            return;
        }

        var related = FindRelated(signal, out var reason);
        if (related.Count == 0)
        {
            if (FindReopenable(signal) is { } resolved)
            {
                resolved.Status = IncidentStatus.Open;
                resolved.ResolvedAt = null;
                resolved.AddSignal(signal);
                resolved.AddReason($"reopened: {signal.Indicator} on {signal.Entity} came back within {_options.ReopenWindow.TotalMinutes:0} min of resolution");
                Emit(resolved, IncidentChangeKind.Reopened, $"reopened by {signal.Indicator} on {signal.Entity}", changes);
            }
            else if (signal.Kind == SignalKind.Alert || signal.Score >= _options.MinOpenScore)
            {
                Open(signal, changes);
            }
            else
            {
                _pending.Add(signal);
            }

            return;
        }

        var target = related[0];
        if (target.HasSignal(signal))
        {
            return; // a replayed signal: idempotent
        }

        foreach (var other in related.Skip(1))
        {
            Merge(target, other, signal, changes);
        }

        var changed = target.AddSignal(signal) | related.Count > 1;
        if (reason is not null)
        {
            target.AddReason(reason);
        }

        AttachChanges(target);
        if (changed)
        {
            Emit(target, IncidentChangeKind.Updated, $"{signal.Indicator} on {signal.Entity} joined", changes);
        }
    }

    public void AdvanceTo(DateTimeOffset now, ICollection<IncidentChange> changes)
    {
        foreach (var incident in _incidents.Values.OrderBy(i => i.Id, StringComparer.Ordinal).ToList())
        {
            if (incident.Status == IncidentStatus.Open && now - incident.LastSeen > _options.QuietPeriod)
            {
                incident.Status = IncidentStatus.Resolved;
                incident.ResolvedAt = incident.LastSeen + _options.QuietPeriod;
                Emit(incident, IncidentChangeKind.Resolved, $"resolved: no new signal for {_options.QuietPeriod.TotalMinutes:0} min", changes);
            }
            else if (incident.Status == IncidentStatus.Resolved && now - incident.ResolvedAt > _options.ReopenWindow)
            {
                _incidents.Remove(incident.Id);
            }
        }

        _recentChanges.RemoveAll(c => now - c.Timestamp > _options.ChangeLookback + _options.Window);
        _pending.RemoveAll(p => now - p.Timestamp > _options.Window);
    }

    public void Restore(IEnumerable<Incident> incidents)
    {
        foreach (var incident in incidents)
        {
            _incidents[incident.Id] = IncidentState.FromSnapshot(incident);
        }
    }

    private void Open(Signal signal, ICollection<IncidentChange> changes)
    {
        var id = $"inc-{StableHash.Hex(StableHash.Of(signal.Id))[..12]}";
        if (_incidents.ContainsKey(id))
        {
            return; // the same opening signal replayed after its incident was closed and forgotten
        }

        var incident = new IncidentState(id, signal.Onset);
        incident.AddSignal(signal);
        incident.AddReason($"opened by {signal.Kind.ToString().ToLowerInvariant()} {signal.Indicator} on {signal.Entity}");
        AttachChanges(incident);
        _incidents[id] = incident;
        Emit(incident, IncidentChangeKind.Opened, $"opened by {signal.Indicator} on {signal.Entity}", changes);
    }

    private void Emit(IncidentState incident, IncidentChangeKind kind, string change, ICollection<IncidentChange> changes)
    {
        incident.Version++;
        changes.Add(new IncidentChange(incident.Snapshot(change), kind));
    }
}
