namespace AIOps.RootCause.Incidents;

/// <summary>
/// How much each kind of evidence counts in the incident ranking (they sum to 1). Topology and onset
/// order carry most weight: in a cascade the cause is upstream in time and downstream in the call graph.
/// </summary>
public sealed class RankingWeights
{
    public double Topology { get; set; } = 0.30;

    public double Onset { get; set; } = 0.27;

    public double Magnitude { get; set; } = 0.23;

    public double Change { get; set; } = 0.12;

    /// <summary>A never-seen error log line on the candidate (a new failure mode).</summary>
    public double LogTemplate { get; set; } = 0.08;

    /// <summary>
    /// Operator feedback on past causes (<see cref="CausePriors"/>): added on top of the evidence score, times a
    /// prior in [-1, 1]. Large enough that a rejected cause drops below a close runner-up, not enough to bury
    /// strong evidence after one click.
    /// </summary>
    public double Feedback { get; set; } = 0.25;

    /// <summary>Onset differences decay with this time constant: a minute earlier matters, an hour earlier saturates.</summary>
    public TimeSpan OnsetScale { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Parts of an incident that the call graph does not connect, going wrong within this of an anomalous entity with no
    /// place in the graph, make that entity their inferred shared dependency (<see cref="SharedCauseInference"/>).
    /// The correlator's co-onset window; zero turns the inference off.
    /// </summary>
    public TimeSpan SharedCauseWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A host with its own signal whose services (two or more of the incident's entities) went wrong with it scores at
    /// least this much above the best of them (<see cref="HostCauseInference"/>): it explains all of them. Zero lets it tie.
    /// </summary>
    public double HostLead { get; set; } = 0.05;

    /// <summary>Change events this long before an entity's onset count as its evidence.</summary>
    public TimeSpan ChangeLookback { get; set; } = TimeSpan.FromMinutes(30);
}
