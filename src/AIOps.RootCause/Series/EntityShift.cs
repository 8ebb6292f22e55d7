namespace AIOps.RootCause.Series;

/// <summary>An entity's best indicator and its own onset row (-1 when none of its shifted series has a strong change).</summary>
internal readonly record struct EntityShift(string Entity, SeriesShift Best, int OnsetRow);
