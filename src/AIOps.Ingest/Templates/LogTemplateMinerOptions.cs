using System.ComponentModel.DataAnnotations;

namespace AIOps.Ingest.Templates;

/// <summary>Settings of <see cref="LogTemplateMiner"/>; defaults in <see cref="LogTemplateMinerDefaults"/>.</summary>
public sealed class LogTemplateMinerOptions
{
    /// <summary>Drain depth (root + token-count layer + prefix layers); at least 3.</summary>
    [Range(3, 16)]
    public int Depth { get; set; } = LogTemplateMinerDefaults.Depth;

    /// <summary>Share of positions that must match an existing template for a message to join it.</summary>
    [Range(0.0, 1.0)]
    public double SimilarityThreshold { get; set; } = LogTemplateMinerDefaults.SimilarityThreshold;

    /// <summary>
    /// Once a template has matched this many messages its remaining constants are settled: a message that differs
    /// in one of them starts a new template instead of generalizing it (a parameter would have varied by then).
    /// 0 turns this off (plain Drain generalization).
    /// </summary>
    [Range(0, int.MaxValue)]
    public int SettledAfter { get; set; } = LogTemplateMinerDefaults.SettledAfter;

    /// <summary>Children per internal tree node; past it new tokens share the wildcard branch.</summary>
    [Range(2, 100_000)]
    public int MaxChildren { get; set; } = LogTemplateMinerDefaults.MaxChildren;

    /// <summary>LRU bound on the number of templates kept; the least recently matched is evicted.</summary>
    [Range(1, int.MaxValue)]
    public int MaxClusters { get; set; } = LogTemplateMinerDefaults.MaxClusters;

    /// <summary>Masks applied before tree search, in order.</summary>
    public IList<MaskingRule> MaskingRules { get; set; } = [.. LogTemplateMinerDefaults.MaskingRules];

    internal void Validate()
    {
        if (Depth < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(Depth), Depth, "Depth must be at least 3.");
        }

        if (SimilarityThreshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SimilarityThreshold), SimilarityThreshold, "Must be in [0, 1].");
        }

        if (SettledAfter < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SettledAfter), SettledAfter, "Must be at least 0.");
        }

        if (MaxChildren < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxChildren), MaxChildren, "Must be at least 2.");
        }

        if (MaxClusters < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxClusters), MaxClusters, "Must be at least 1.");
        }
    }
}
