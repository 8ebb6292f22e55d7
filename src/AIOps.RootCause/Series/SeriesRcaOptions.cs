namespace AIOps.RootCause.Series;

/// <summary>
/// Knobs of the series root-cause ranking. The defaults were chosen on the method (what each quantity means), then
/// checked on the Sock Shop and PetShop benchmarks; they are the same for every dataset.
/// </summary>
public sealed class SeriesRcaOptions
{
    /// <summary>Shortest segment a change point may leave on either side.</summary>
    public int MinSegment { get; set; } = 2;

    /// <summary>Change-point strength (z-like) from which a series counts as having a real onset.</summary>
    public double OnsetStrength { get; set; } = 8;

    /// <summary>Leading share of the frame that is baseline only: change points there do not vote for the onset.</summary>
    public double MinBaselineFraction { get; set; } = 0.1;

    /// <summary>Share of the best window's vote weight a row needs to be taken as the start of the cluster.</summary>
    public double OnsetRowShare { get; set; } = 0.2;

    /// <summary>Width of the onset vote window as a share of the frame length (at least one row).</summary>
    public double OnsetWindowFraction { get; set; } = 0.02;

    /// <summary>
    /// Which quantile of the after-onset deviations measures a shift: 0.5 (the median) ignores single spikes,
    /// 1 (the max, as BARO and N-sigma use) catches faults that show in only a few rows.
    /// </summary>
    public double ShiftQuantile { get; set; } = 0.5;

    /// <summary>
    /// The before-onset spread never counts as less than this share of the series' level (its |median|, capped at
    /// its range over the frame). A metric that sat perfectly still (IQR 0) would otherwise turn any wobble into an
    /// infinite robust z; this is where plain median/IQR scaling breaks on real data.
    /// </summary>
    public double RelativeScaleFloor { get; set; } = 0.05;

    /// <summary>
    /// The before-onset spread never counts as less than this many times the series' own sample-to-sample noise
    /// (over the whole frame, from first differences; 0 disables). Sparse counters and bounded gauges (requests that
    /// are mostly 0, availability pinned at 100%) have an IQR of 0, and without this floor any blip in them outranks
    /// a real fault.
    /// </summary>
    public double NoiseFloorFactor { get; set; } = 1;

    /// <summary>Deviation (robust z) from which a series counts as shifted.</summary>
    public double ShiftThreshold { get; set; } = 3;

    /// <summary>Weight of the shift magnitude in the entity score.</summary>
    public double ShiftWeight { get; set; } = 0.6;

    /// <summary>Weight of the random walk on the call graph (ignored, and the rest renormalised, without a graph).</summary>
    public double TopologyWeight { get; set; } = 0.3;

    /// <summary>Weight of onset earliness.</summary>
    public double OnsetWeight { get; set; } = 0.1;

    /// <summary>Restart probability of the personalised random walk.</summary>
    public double Restart { get; set; } = 0.15;

    /// <summary>Relative weight of stepping back to a caller (keeps the walk from dead-ending).</summary>
    public double BackwardWeight { get; set; } = 0.1;

    /// <summary>Earliness decays by e per this share of the after-onset window.</summary>
    public double EarlinessDecayFraction { get; set; } = 0.1;
}
