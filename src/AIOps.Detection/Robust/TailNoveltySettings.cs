namespace AIOps.Detection.Robust;

/// <summary>
/// Parameters of <see cref="TailNoveltyScorer"/>: built once per factory and shared by every series it creates, so
/// they cost one reference per series (the state codec treats factory-shared objects as configuration: a restored
/// detector keeps the running settings).
/// </summary>
/// <param name="Decay">Per-point contraction of the value range toward its level.</param>
/// <param name="Quantile">The tail threshold tracks this quantile (and 1 - it for the lower tail).</param>
/// <param name="StepRate">Threshold step, as a fraction of the current range.</param>
/// <param name="ExcessRate">EW rate of the excess moments (a plain average for the first 1/rate excesses).</param>
/// <param name="MinExcesses">Excesses a tail needs before its fit is used; until then the range-ratio stands alone
/// (young series and short files keep the plain record score).</param>
/// <param name="NatsPerRange">Exchange rate between the tail surprise and the range-ratio raw score: a surprise of
/// this many nats counts as one range.</param>
/// <param name="Mode">How the range-ratio and the tail surprise combine.</param>
/// <param name="Power">Steepness of the damping (<see cref="TailMode.Damp"/>): 1 takes the smaller surprise.</param>
/// <param name="ReachedExtremesKnown">A value equal to the highest (lowest) value the series ever had is no record,
/// however far the range has contracted since: a metric back at its cap (CPU at 100%) has been there before.</param>
internal sealed record TailNoveltySettings(
    double Decay = 3e-5,
    double Quantile = 0.99,
    double StepRate = 0.01,
    double ExcessRate = 0.005,
    int MinExcesses = 10,
    double NatsPerRange = 6,
    TailMode Mode = TailMode.Damp,
    double Power = 1,
    bool ReachedExtremesKnown = true);
