namespace AIOps.Correlation.Incidents;

/// <summary>Grouping and lifecycle settings; rules can override some per signal. Defaults in <see cref="CorrelatorDefaults"/>.</summary>
public sealed class CorrelatorOptions
{
    /// <summary>A signal joins an incident seen within this window.</summary>
    public TimeSpan Window { get; set; } = CorrelatorDefaults.Window;

    /// <summary>An incident with no new signal for this long resolves.</summary>
    public TimeSpan QuietPeriod { get; set; } = CorrelatorDefaults.QuietPeriod;

    /// <summary>A signal on an entity of an incident resolved less than this ago reopens it.</summary>
    public TimeSpan ReopenWindow { get; set; } = CorrelatorDefaults.ReopenWindow;

    /// <summary>How far before onset change events (deploys, config) are attached as evidence.</summary>
    public TimeSpan ChangeLookback { get; set; } = CorrelatorDefaults.ChangeLookback;

    /// <summary>Entities at most this many dependency hops from an incident's entities join it.</summary>
    public int MaxHops { get; set; } = CorrelatorDefaults.MaxHops;

    /// <summary>Signals other than alerts below this score never open an incident on their own (they can join one).</summary>
    public double MinOpenScore { get; set; } = CorrelatorDefaults.MinOpenScore;

    /// <summary>
    /// Anomalies no rule matches open an incident only with this many distinct anomalous series on the entity within
    /// the window (a lone blip is not an incident), or once one has lasted <see cref="AnomalyPersist"/>. 1 disables.
    /// </summary>
    public int AnomalyMinCount { get; set; } = CorrelatorDefaults.AnomalyMinCount;

    public TimeSpan AnomalyPersist { get; set; } = CorrelatorDefaults.AnomalyPersist;

    /// <summary>
    /// Anomalous series corroborate each other only when they are anomalous within this of each other: a fault moves
    /// several of an entity's series together, while two unrelated blips minutes apart do not make one problem. The
    /// same span as <see cref="AnomalyPersist"/>: two series at once, or one for that long.
    /// </summary>
    public TimeSpan AnomalyCorroborationWindow { get; set; } = CorrelatorDefaults.AnomalyCorroborationWindow;

    /// <summary>
    /// Anomalies whose onsets fall less than this from an incident's first anomaly join it even without a topology path:
    /// several services going wrong in the same minute usually share a cause nobody declared (DNS, network, a
    /// certificate, a cloud zone). Zero turns it off.
    /// </summary>
    public TimeSpan CoOnsetWindow { get; set; } = CorrelatorDefaults.CoOnsetWindow;

    /// <summary>
    /// A signal on a dependency of an incident's member (a service or database the member calls) joins through that
    /// member only if its entity's trouble began no later than this after the member's: damage travels from a
    /// dependency to its callers, so a dependency that went wrong well after its caller did not cause the caller's
    /// trouble and is a problem of its own. Callers and hosts are not limited. Zero turns it off.
    /// </summary>
    public TimeSpan DependencyOnsetLag { get; set; } = CorrelatorDefaults.DependencyOnsetLag;

    /// <summary>A signal that topology does not connect joins an incident whose member it resembles this much (IDF-weighted Jaccard of labels and words); 0 disables.</summary>
    public double SimilarityThreshold { get; set; } = CorrelatorDefaults.SimilarityThreshold;

    /// <summary>How many of an incident's newest members similarity compares against.</summary>
    public int SimilarityMembers { get; set; } = CorrelatorDefaults.SimilarityMembers;

    /// <summary>An incident reopened this many times within <see cref="FlapPeriod"/> is flapping.</summary>
    public int FlapThreshold { get; set; } = CorrelatorDefaults.FlapThreshold;

    public TimeSpan FlapPeriod { get; set; } = CorrelatorDefaults.FlapPeriod;

    /// <summary>A flapping incident resolves only after this long without a signal (no open/resolve churn).</summary>
    public TimeSpan FlapQuietPeriod { get; set; } = CorrelatorDefaults.FlapQuietPeriod;

    /// <summary>An inhibiting signal that never resolves stops inhibiting this long after it was last seen.</summary>
    public TimeSpan InhibitionTtl { get; set; } = CorrelatorDefaults.InhibitionTtl;

    /// <summary>Call edges learned from spans and not seen for this long leave the graph.</summary>
    public TimeSpan EdgeTtl { get; set; } = CorrelatorDefaults.EdgeTtl;

    /// <summary>How often (event time) the clock ages out edges.</summary>
    public TimeSpan EdgeExpiryInterval { get; set; } = CorrelatorDefaults.EdgeExpiryInterval;
}
