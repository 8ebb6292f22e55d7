using AIOps.Detection.Stats;

namespace AIOps.Detection.Calibration;

/// <summary>
/// Numenta-style anomaly likelihood: the short-term mean of recent raw scores is compared with the long-run
/// distribution of raw scores (EW mean and variance, so O(1) state instead of Numenta's 8640-point history);
/// the Gaussian tail probability of that excess is mapped to [0,1) on a log scale, so the score means
/// "how improbable is this recent behaviour for this series" the same way on every series:
/// with L = -log10(tail), score = L / (L + 5): 0.5 at a 1e-5 tail, 0.67 at 1e-10, never saturating, so the
/// most extreme points stay ordered.
/// </summary>
internal sealed class AnomalyLikelihood
{
    /// <summary>Default -log10 tail at which the score is 0.5.</summary>
    public const double HalfScoreSurprise = 5.0;

    private readonly double _shortRate;
    private readonly double _longRate;
    private readonly int _warmup;
    private double _short;
    private double _mean;
    private double _variance;
    private long _count;

    private readonly double _rawHalf;

    /// <param name="rawHalf">When positive, bypasses the likelihood (diagnostics): score = raw / (raw + rawHalf).</param>
    private readonly double _halfSurprise;

    public AnomalyLikelihood(double shortRate = 0.5, double longRate = 0.002, int warmup = 30, double rawHalf = 0, double halfSurprise = HalfScoreSurprise)
    {
        _halfSurprise = halfSurprise;
        _rawHalf = rawHalf;
        _shortRate = shortRate;
        _longRate = longRate;
        _warmup = warmup;
    }

    /// <summary>Tail probability of the latest update (1 = ordinary).</summary>
    public double Tail { get; private set; } = 1.0;

    public double Update(double raw)
    {
        raw = Math.Min(raw, 1e6); // keeps huge values from overflowing the variance
        if (_rawHalf > 0)
        {
            return raw / (raw + _rawHalf);
        }

        _count++;
        _short = _count == 1 ? raw : _short + (_shortRate * (raw - _short));
        var score = 0.0;
        if (_count > _warmup)
        {
            // The floor keeps a perfectly quiet history from turning any blip into certainty.
            var sigma = Math.Sqrt(Math.Max(_variance, 1e-4 * ((_mean * _mean) + 1e-6)));
            var z = (_short - _mean) / sigma;
            var surprise = Gaussian.UpperTailLog10(z);
            Tail = Math.Pow(10, -surprise);
            score = surprise / (surprise + _halfSurprise);

            // A young history is an unreliable baseline: cap what it may claim until it has seen enough.
            var maturity = Math.Min(1.0, _count / (4.0 * _warmup));
            score *= maturity;
        }

        // Long-run stats: running mean at first, then exponentially weighted.
        var rate = Math.Max(_longRate, 1.0 / _count);
        var delta = raw - _mean;
        _mean += rate * delta;
        _variance = (1 - rate) * (_variance + (rate * delta * delta));
        return score;
    }
}
