using AIOps.Core.Model;

namespace AIOps.Core.Ports;

/// <summary>
/// The correlation stage: groups signals into incidents and runs their lifecycle. Time advances only
/// through the event time of the signals and <see cref="AdvanceTo"/>, so a replay is deterministic.
/// </summary>
public interface ICorrelator
{
    /// <summary>Adds a signal; appends every incident version it produced.</summary>
    void Observe(Signal signal, ICollection<IncidentChange> changes);

    /// <summary>Moves the clock (resolves quiet incidents); appends the versions it produced.</summary>
    void AdvanceTo(DateTimeOffset now, ICollection<IncidentChange> changes);

    /// <summary>Loads the incidents that were open before a restart, so updates continue their versions.</summary>
    void Restore(IEnumerable<Incident> incidents);

    IReadOnlyCollection<Incident> OpenIncidents { get; }
}
