namespace AIOps.Detection.Robust;

/// <summary>What <see cref="FeatureNoveltyScorer"/> tracks the historic range of.</summary>
internal enum NoveltyFeature
{
    /// <summary>An EW mean of the value: sustained level shifts too small to leave the raw range.</summary>
    SmoothedLevel,

    /// <summary>An EW mean of |x_t - x_(t-1)|: volatility rising to a level never seen.</summary>
    Volatility,

    /// <summary>The step x_t - x_(t-1): a jump larger (either way) than any jump before.</summary>
    Step,

    /// <summary>Length of the current run of identical values: a metric stuck or flat for longer than ever.</summary>
    RunLength,
}
