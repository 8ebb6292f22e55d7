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
/// <param name="ShadowTrigger">Second-anomaly rule (0 = off): a record of at least this many ranges (after
/// <paramref name="ShadowMature"/> points) is an alarmed excursion; for <paramref name="ShadowHold"/> points after it a
/// shadow range does not widen, so it keeps the range as it was before the episode. A later value inside the value
/// range but past the shadow range is scored as a record against the shadow (the same tail damping).</param>
/// <param name="ShadowHold">Points after a trigger during which the shadow range does not widen.</param>
/// <param name="ShadowKeep">The last points of a hold, which the shadow range learns again (where the series sits
/// after the episode; a level shift that stays is no second anomaly).</param>
/// <param name="ShadowWeight">Scale of a record against the shadow range relative to a record against the value range.</param>
/// <param name="ShadowDays">Days of data (at the typical step) before a record can trigger the hold.</param>
/// <param name="ShadowMature">Points before a record can trigger the hold (warm-up records are no episode).</param>
internal sealed record TailNoveltySettings(
    double Decay = 3e-5,
    double Quantile = 0.99,
    double StepRate = 0.01,
    double ExcessRate = 0.005,
    int MinExcesses = 10,
    double NatsPerRange = 6,
    TailMode Mode = TailMode.Damp,
    double Power = 1,
    bool ReachedExtremesKnown = true,
    double ShadowTrigger = 0,
    int ShadowHold = 200,
    int ShadowMature = 100,
    int ShadowKeep = 50,
    double ShadowWeight = 1,
    double ShadowDays = 0);
