namespace AIOps.Detection.Stats;

/// <summary>
/// Streaming extreme-value model of one (upper) tail, SPOT-style (Siffer et al., KDD 2017) but with O(1) state: the
/// threshold follows a high quantile by stochastic approximation, and the excesses over it are summarised by
/// exponentially weighted first and second moments, so the GPD fit follows the series' current regime. 32 bytes: the
/// owner starts it at the first value (<see cref="StartAt"/>), so it needs no "started" flag, and the excess count
/// saturates as an int (only the warm-up, the first 1/rate excesses, reads its exact value).
/// </summary>
internal struct TailTracker
{
    private double _threshold;
    private double _mean;
    private double _square;
    private int _excesses;

    public readonly double Threshold => _threshold;

    /// <summary>Excesses seen so far (saturating at int.MaxValue).</summary>
    public readonly int Excesses => _excesses;

    /// <summary>The current GPD fit of the excesses (meaningful once a few excesses were seen).</summary>
    public readonly GpdFit Fit => GpdFit.FromMoments(_mean, Math.Max(0, _square - (_mean * _mean)));

    /// <summary>A tracker whose threshold starts at the series' first value.</summary>
    public static TailTracker StartAt(double value) => new() { _threshold = value };

    /// <summary>
    /// Learns <paramref name="value"/>: an excess over the threshold feeds the moments (EW rate <paramref name="excessRate"/>,
    /// a plain average for the first 1/rate excesses), then the threshold moves toward the <paramref name="quantile"/>
    /// by steps of <paramref name="step"/> (the caller's scale for the series, e.g. a fraction of its range).
    /// </summary>
    public void Observe(double value, double quantile, double step, double excessRate)
    {
        if (value > _threshold)
        {
            var excess = value - _threshold;
            _excesses = _excesses < int.MaxValue ? _excesses + 1 : _excesses;
            var rate = Math.Max(excessRate, 1.0 / _excesses);
            _mean += rate * (excess - _mean);
            _square += rate * ((excess * excess) - _square);
            // Balanced steps: up by q when above, down by 1-q when below, so P(value > threshold) settles at 1 - q.
            _threshold += step * quantile;
        }
        else
        {
            _threshold -= step * (1 - quantile);
        }
    }

    /// <summary>
    /// Surprise (nats) of <paramref name="value"/> beyond the largest excess the tail model expects among what it
    /// remembers (about 1/<paramref name="excessRate"/> excesses): -ln P(X &gt; value | X &gt; threshold) - ln(memory).
    /// A value the tail has produced before (e.g. a metric's cap, reached again after the range forgot it) scores 0.
    /// </summary>
    public readonly double SurpriseBeyondMemory(double value, double excessRate)
    {
        var memory = Math.Min(_excesses, 1.0 / excessRate);
        return Math.Max(0, Fit.LogSurvivalSurprise(value - _threshold) - Math.Log(Math.Max(memory, 1)));
    }

    /// <summary>
    /// Surprise (nats) of <paramref name="value"/> beyond <paramref name="reference"/> under the fitted tail:
    /// -ln P(X &gt; value | X &gt; reference). 0 at or below the reference; a reference under the threshold counts from it;
    /// infinite (no evidence against the value) when the value does not even pass the threshold.
    /// </summary>
    public readonly double SurpriseBeyond(double reference, double value)
    {
        if (value <= reference)
        {
            return 0;
        }

        if (value <= _threshold)
        {
            // A record still under the threshold (the threshold lags above a decayed record): the tail model has no say.
            return double.PositiveInfinity;
        }

        var fit = Fit;
        var from = Math.Max(reference - _threshold, 0);
        var surprise = fit.LogSurvivalSurprise(value - _threshold) - fit.LogSurvivalSurprise(from);
        // A reference already past a bounded tail's end means the fit does not describe this tail: no information.
        return double.IsNaN(surprise) ? double.PositiveInfinity : surprise;
    }
}
