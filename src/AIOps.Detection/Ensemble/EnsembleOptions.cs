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
}
