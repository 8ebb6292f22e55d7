namespace AIOps.Detection.Robust;

/// <summary>How <see cref="TailNoveltyScorer"/> combines the range-ratio of a new record with its tail surprise.</summary>
internal enum TailMode
{
    /// <summary>
    /// The range-ratio times (tail / range-ratio)^power, capped at the range-ratio: a record is at most as novel as
    /// the tail model allows (spiky series damped); power 1 is the smaller of the two.
    /// </summary>
    Damp = 0,

    /// <summary>The tail surprise beyond the record alone (in range units via the exchange rate).</summary>
    Replace = 1,

    /// <summary>The larger of the two: a smooth series' small records count more.</summary>
    Boost = 2,

    /// <summary>As <see cref="Damp"/>, with the surprise measured beyond the largest excess the tail expects among what it remembers, not beyond the record.</summary>
    MemoryDamp = 3,
}
