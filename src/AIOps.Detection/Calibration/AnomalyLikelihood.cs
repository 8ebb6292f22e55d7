using AIOps.Detection.Stats;

namespace AIOps.Detection.Calibration;

/// <summary>
/// Per-series calibration state (a struct, stored inline in the ensemble's array). With the likelihood mapping it is
/// Numenta-style anomaly likelihood: the short-term mean of recent raw scores is compared with the long-run
/// distribution of raw scores (EW mean and variance, so O(1) state instead of Numenta's 8640-point history); the
/// Gaussian tail probability of that excess is mapped to [0,1) on a log scale, so the score means "how improbable is
/// this recent behaviour for this series" the same way on every series: with L = -log10(tail),
/// score = L / (L + HalfSurprise): 0.5 at a 1e-5 tail by default, never saturating, so extreme points stay ordered.
/// </summary>
internal struct AnomalyLikelihood
{
    private double _short;
    private double _mean;
    private double _variance;
    private long _count;

    /// <summary>Tail probability of the latest likelihood update (1 = ordinary).</summary>
    public double Tail { get; private set; }

    public double Update(double raw, CalibrationSettings settings)
    {
        if (settings.RangeHalf > 0)
        {
            return settings.RangeRatio(raw);
        }

        raw = Math.Min(raw, 1e6); // keeps huge values from overflowing the variance
        _count++;
        _short = _count == 1 ? raw : _short + (settings.ShortRate * (raw - _short));
        var score = 0.0;
        Tail = 1.0;
        if (_count > settings.Warmup)
        {
            // The floor keeps a perfectly quiet history from turning any blip into certainty.
            var sigma = Math.Sqrt(Math.Max(_variance, 1e-4 * ((_mean * _mean) + 1e-6)));
            var z = (_short - _mean) / sigma;
            var surprise = Gaussian.UpperTailLog10(z);
            Tail = Math.Pow(10, -surprise);
            score = surprise / (surprise + settings.HalfSurprise);

            // A young history is an unreliable baseline: cap what it may claim until it has seen enough.
            score *= Math.Min(1.0, _count / (4.0 * settings.Warmup));
        }

        // Long-run stats: running mean at first, then exponentially weighted.
        var rate = Math.Max(settings.LongRate, 1.0 / _count);
        var delta = raw - _mean;
        _mean += rate * delta;
        _variance = (1 - rate) * (_variance + (rate * delta * delta));
        return score;
    }
}
