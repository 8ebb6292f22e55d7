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
    // Empty range (min > max) until the first point; no point counter, so the state stays 64 bytes.
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private double _level;

    public RangeNoveltyScorer(double decay = 1e-4)
    {
        _decay = decay;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        if (_min > _max)
        {
            _level = value;
            _min = value;
            _max = value;
            return 0;
        }

        _level += 0.01 * (value - _level);
        var range = Math.Max(_max - _min, ScaleFloor.For(_level) + (1e-3 * Math.Abs(_level)));
        var above = (value - _max) / range;
        var below = (_min - value) / range;
        var raw = Math.Max(0, Math.Max(above, below));
        Expected = Math.Clamp(value, _min, _max);
        Deviation = above > 0 ? above : -Math.Max(below, 0);

        _min = Math.Min(_min + (_decay * (_level - _min)), value);
        _max = Math.Max(_max - (_decay * (_max - _level)), value);
        return raw;
    }
}
