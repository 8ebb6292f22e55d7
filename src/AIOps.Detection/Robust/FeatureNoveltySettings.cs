namespace AIOps.Detection.Robust;

/// <summary>Parameters of <see cref="FeatureNoveltyScorer"/>, built once per factory and shared by its series (the state codec treats them as configuration).</summary>
/// <param name="Feature">The derived quantity whose range novelty is scored.</param>
/// <param name="Rate">EW rate of the smoothed features (level, volatility).</param>
/// <param name="Decay">Per-point contraction of the feature's range toward its level.</param>
/// <param name="Settle">Points before the range starts (the feature's own warm-up).</param>
/// <param name="Absorb">Share of an excursion past the contracted range that the range takes in per point.</param>
internal sealed record FeatureNoveltySettings(NoveltyFeature Feature, double Rate = 0.05, double Decay = 3e-5, int Settle = 20, double Absorb = 1.0);
