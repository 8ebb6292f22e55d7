using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// Range novelty (see <see cref="RangeNoveltyScorer"/>) judged against an extreme-value model of each tail. The
/// range-ratio treats "2% of the range past the record" alike on a smooth series and on a spiky one; the tail model
/// tells them apart: over a high running quantile, the excesses follow a GPD (fitted by moments), and a new record's
/// surprise is -ln P(X &gt; value | X &gt; record) under that fit, in nats. On a spiky series (wide, heavy excesses) a
/// small new record is no surprise; on a smooth one it is. How the two combine is <see cref="TailMode"/>.
/// </summary>
internal sealed class TailNoveltyScorer : IRawScorer
{
    private readonly double _decay;
    private readonly double _quantile;
    private readonly double _stepRate;
    private readonly double _excessRate;
    private readonly int _minExcesses;
    private readonly double _natsPerRange;
    private readonly TailMode _mode;
    private readonly double _power;
    private TailTracker _upper;
    private TailTracker _lower;
    private double _min;
    private double _max;
    private double _level;
    private long _count;

    /// <param name="natsPerRange">Exchange rate between the tail surprise and the range-ratio raw score: a surprise of
    /// this many nats counts as one range.</param>
    /// <param name="power">Steepness of the damping (<see cref="TailMode.Damp"/>): 1 takes the smaller surprise.</param>
    /// <param name="minExcesses">Excesses a tail needs before its fit is used; until then the range-ratio stands alone
    /// (young series and short files keep the plain record score).</param>
    public TailNoveltyScorer(double decay, double quantile, double stepRate, double excessRate, int minExcesses, double natsPerRange, TailMode mode, double power = 1)
    {
        _decay = decay;
        _quantile = quantile;
        _stepRate = stepRate;
        _excessRate = excessRate;
        _minExcesses = minExcesses;
        _natsPerRange = natsPerRange;
        _mode = mode;
        _power = power;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        _count++;
        _level = _count == 1 ? value : _level + (0.01 * (value - _level));
        var raw = 0.0;
        var range = Math.Max(_max - _min, ScaleFloor.For(_level) + (1e-3 * Math.Abs(_level)));
        if (_count > 1)
        {
            var above = (value - _max) / range;
            var below = (_min - value) / range;
            Expected = Math.Clamp(value, _min, _max);
            Deviation = above > 0 ? above : -Math.Max(below, 0);
            if (above > 0)
            {
                raw = Combine(above, _upper, _max, value);
            }
            else if (below > 0)
            {
                raw = Combine(below, _lower, -_min, -value);
            }
        }

        if (_count == 1)
        {
            _min = value;
            _max = value;
        }

        var step = _stepRate * range;
        _upper.Observe(value, _quantile, step, _excessRate);
        _lower.Observe(-value, _quantile, step, _excessRate);
        _min = Math.Min(_min + (_decay * (_level - _min)), value);
        _max = Math.Max(_max - (_decay * (_max - _level)), value);
        return raw;
    }

    private double Combine(double rangeRaw, in TailTracker tail, double record, double value)
    {
        if (tail.Excesses < _minExcesses)
        {
            return rangeRaw;
        }

        var tailRaw = (_mode == TailMode.MemoryDamp ? tail.SurpriseBeyondMemory(value, _excessRate) : tail.SurpriseBeyond(record, value)) / _natsPerRange;
        if (double.IsPositiveInfinity(tailRaw))
        {
            // The fit does not describe this value (past a bounded tail's end, or under a lagging threshold).
            return rangeRaw;
        }

        return _mode switch
        {
            TailMode.Replace => tailRaw,
            TailMode.Boost => Math.Max(rangeRaw, tailRaw),
            _ => rangeRaw * Math.Pow(Math.Min(1, tailRaw / rangeRaw), _power),
        };
    }
}
