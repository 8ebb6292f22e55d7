using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// Range novelty of a derived feature of the series (see <see cref="NoveltyFeature"/>): the raw score is how far the
/// feature lies above (and for the level, also below) everything it has been, in units of its historic range. The
/// range starts after <c>settle</c> points so the feature's own warm-up does not define it.
/// </summary>
internal sealed class FeatureNoveltyScorer : IRawScorer
{
    private readonly NoveltyFeature _feature;
    private readonly double _rate;
    private readonly double _decay;
    private readonly int _settle;
    private double _previous;
    private double _state;
    private double _min;
    private double _max;
    private double _level;
    private long _count;

    private readonly double _absorb;

    public FeatureNoveltyScorer(NoveltyFeature feature, double rate = 0.05, double decay = 3e-5, int settle = 20, double absorb = 1.0)
    {
        _absorb = absorb;
        _feature = feature;
        _rate = rate;
        _decay = decay;
        _settle = settle;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        _count++;
        var feature = NextFeature(value);
        _previous = value;
        if (_count < _settle)
        {
            return 0;
        }

        if (_count == _settle)
        {
            _min = feature;
            _max = feature;
            _level = feature;
            return 0;
        }

        var range = Math.Max(_max - _min, ScaleFloor.For(_level) + (1e-3 * Math.Abs(_level)));
        var above = (feature - _max) / range;
        var below = _feature is NoveltyFeature.SmoothedLevel or NoveltyFeature.Step ? (_min - feature) / range : 0;
        var raw = Math.Max(0, Math.Max(above, below));
        Expected = Math.Clamp(feature, _min, _max);
        Deviation = above > 0 ? above : -Math.Max(below, 0);

        _level += 0.01 * (feature - _level);
        // A smoothed feature creeps past its old extreme; absorbing it gradually lets the excess accumulate over
        // the episode instead of being reset point by point.
        var contractedMin = _min + (_decay * (_level - _min));
        var contractedMax = _max - (_decay * (_max - _level));
        _min = feature < contractedMin ? contractedMin + (_absorb * (feature - contractedMin)) : contractedMin;
        _max = feature > contractedMax ? contractedMax + (_absorb * (feature - contractedMax)) : contractedMax;
        return raw;
    }

    private double NextFeature(double value)
    {
        if (_count == 1)
        {
            _state = _feature switch
            {
                NoveltyFeature.SmoothedLevel => value,
                NoveltyFeature.RunLength => 1,
                _ => 0,
            };
            return _state;
        }

        _state = _feature switch
        {
            NoveltyFeature.SmoothedLevel => _state + (_rate * (value - _state)),
            NoveltyFeature.Volatility => _state + (_rate * (Math.Abs(value - _previous) - _state)),
            NoveltyFeature.Step => value - _previous,
            _ => value == _previous ? _state + 1 : 1,
        };
        return _state;
    }
}
