using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// Novel extremes: how far the value lies outside the range seen so far, in units of that range. Operational
/// incidents very often push a metric where it has never been. The range slowly contracts toward the recent level
/// (<c>decay</c> per point) so one old excursion does not blind it forever.
/// </summary>
internal sealed class RangeNoveltyScorer : IRawScorer
{
    private readonly double _decay;
    private double _min;
    private double _max;
    private double _level;
    private long _count;

    private readonly double _absorb;
    private readonly double _cap;

    public RangeNoveltyScorer(double decay = 1e-4, double absorb = 1.0, double cap = double.PositiveInfinity)
    {
        _decay = decay;
        _absorb = absorb;
        _cap = cap;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        _count++;
        _level = _count == 1 ? value : _level + (0.01 * (value - _level));
        var raw = 0.0;
        if (_count > 1)
        {
            var range = Math.Max(_max - _min, ScaleFloor.For(_level) + (1e-3 * Math.Abs(_level)));
            var above = (value - _max) / range;
            var below = (_min - value) / range;
            raw = Math.Max(0, Math.Max(above, below));
            Expected = Math.Clamp(value, _min, _max);
            Deviation = above > 0 ? above : -Math.Max(below, 0);
        }

        if (_count == 1)
        {
            _min = value;
            _max = value;
        }

        // A novel value widens the range by at most _cap ranges (after a short warm-up), so one huge excursion does
        // not hide the next, smaller one.
        var width = _count > 30 && double.IsFinite(_cap) ? _cap * Math.Max(_max - _min, ScaleFloor.For(_level) + (1e-3 * Math.Abs(_level))) : double.PositiveInfinity;
        var lo = _min + (_decay * (_level - _min));
        var hi = _max - (_decay * (_max - _level));
        if (value < lo)
        {
            lo -= Math.Min(_absorb * (lo - value), width);
        }

        if (value > hi)
        {
            hi += Math.Min(_absorb * (value - hi), width);
        }

        _min = lo;
        _max = hi;
        return raw;
    }
}
