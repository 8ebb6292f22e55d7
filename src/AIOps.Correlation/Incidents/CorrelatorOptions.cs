namespace AIOps.Correlation.Incidents;

/// <summary>Grouping and lifecycle settings. Defaults in <see cref="CorrelatorDefaults"/>.</summary>
public sealed class CorrelatorOptions
{
    /// <summary>A signal joins an incident seen within this window.</summary>
    public TimeSpan Window { get; set; } = CorrelatorDefaults.Window;

    /// <summary>An incident with no new signal for this long resolves.</summary>
    public TimeSpan QuietPeriod { get; set; } = CorrelatorDefaults.QuietPeriod;

    /// <summary>A signal on an entity of an incident resolved less than this ago reopens it (flap damping).</summary>
    public TimeSpan ReopenWindow { get; set; } = CorrelatorDefaults.ReopenWindow;

    /// <summary>How far before onset change events (deploys, config) are attached as evidence.</summary>
    public TimeSpan ChangeLookback { get; set; } = CorrelatorDefaults.ChangeLookback;

    /// <summary>Entities at most this many dependency hops from an incident's entities join it.</summary>
    public int MaxHops { get; set; } = CorrelatorDefaults.MaxHops;

    /// <summary>Signals other than alerts below this score never open an incident on their own (they can join one).</summary>
    public double MinOpenScore { get; set; } = CorrelatorDefaults.MinOpenScore;
}
