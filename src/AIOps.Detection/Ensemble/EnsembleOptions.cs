namespace AIOps.Detection.Ensemble;

/// <summary>How an ensemble combines and post-processes its members' calibrated scores.</summary>
public sealed class EnsembleOptions
{
    /// <summary>Points with fewer observations score 0: not enough history to call anything unusual.</summary>
    public int MinPoints { get; set; } = 10;

    /// <summary>After an output score (after <see cref="OutputOddsScale"/>) at or above this level, further alarms of the same episode are damped.</summary>
    public double AlarmLevel { get; set; } = 0.5;

    /// <summary>How many points the damping lasts after the last alarm.</summary>
    public int RefractoryPoints { get; set; }

    /// <summary>Factor applied to scores during the refractory period (1 = no damping).</summary>
    public double RefractoryFactor { get; set; } = 1.0;

    /// <summary>
    /// Final monotone recalibration: the score's odds s/(1-s) are multiplied by this, so the operating point found on
    /// NAB can be placed at 0.5 without changing any ranking (1 = unchanged).
    /// </summary>
    public double OutputOddsScale { get; set; } = 1.0;

    /// <summary>
    /// Damp the odds rather than the score during the refractory period: a further alarm of the episode then needs
    /// 1/<see cref="RefractoryFactor"/> times the novelty, and an excursion far beyond the first still scores near 1.
    /// </summary>
    public bool RefractoryOnOdds { get; set; }

    /// <summary>
    /// Episode rule (0 = off): a member's record that comes within this many points of its own previous record
    /// continues an excursion already under way, so its odds (raw / half) are first reduced by
    /// <see cref="EpisodeMargin"/>: only a repeat that clearly outgrows the episode is news. At most 255 points; only
    /// the first 4 members and only range-ratio members are affected.
    /// </summary>
    public int EpisodeGap { get; set; }

    /// <summary>Odds subtracted from a member's repeat record within an episode (see <see cref="EpisodeGap"/>).</summary>
    public double EpisodeMargin { get; set; }
}
