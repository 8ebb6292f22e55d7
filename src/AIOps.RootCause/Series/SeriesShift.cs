namespace AIOps.RootCause.Series;

/// <summary>How one series moved at the onset: robust z of the shift, the medians either side, and its own change point.</summary>
internal readonly record struct SeriesShift(int Column, double Z, double Before, double After, ChangePoint Change);
