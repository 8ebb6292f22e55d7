namespace AIOps.Detection.Forecast;

/// <summary>Parameters of <see cref="SeasonalNoveltyScorer"/>, built once per factory and shared by its series (the state codec treats them as configuration).</summary>
/// <param name="Decay">Per-point contraction of the residual range toward its level.</param>
/// <param name="SettlePeriods">Periods the residual range learns before it scores.</param>
/// <param name="Smoothing">EW rate applied to the residual before its range is tracked (1 = raw residual).</param>
internal sealed record SeasonalNoveltySettings(double Decay = 3e-5, double SettlePeriods = 2, double Smoothing = 1);
