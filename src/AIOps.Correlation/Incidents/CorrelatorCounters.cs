namespace AIOps.Correlation.Incidents;

/// <summary>Signals that did not become incident members, by reason (nothing is dropped without a counter).</summary>
public sealed class CorrelatorCounters
{
    /// <summary>Muted by a silence or a maintenance window.</summary>
    public long Muted { get; set; }

    /// <summary>Matched a rule with <c>drop: true</c>.</summary>
    public long Dropped { get; set; }

    /// <summary>Inhibited while the inhibiting signal had no open incident to join.</summary>
    public long Inhibited { get; set; }

    /// <summary>Non-alert signals too weak to open an incident on their own (they may still join one that forms nearby).</summary>
    public long Weak { get; set; }

    /// <summary>Held back waiting for their rule's minimum count (may still open an incident).</summary>
    public long Pending { get; set; }

    /// <summary>
    /// Signals on a dependency of an incident's member that started too long after it to be its cause, with nothing
    /// else relating them (handled as unrelated: a new incident, or held).
    /// </summary>
    public long LateDependencies { get; set; }

    /// <summary>
    /// Signals that would have brought a new entity into an incident without evidence of their own (an uncorroborated
    /// anomaly or warning, an alert with no anomaly of its entity); handled as unrelated.
    /// </summary>
    public long Unsupported { get; set; }

    /// <summary>Learned call edges aged out of the dependency graph.</summary>
    public long ExpiredEdges { get; set; }
}
