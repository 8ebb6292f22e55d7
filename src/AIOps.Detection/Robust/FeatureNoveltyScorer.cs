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
    private readonly FeatureNoveltySettings _settings;
    private double _previous;
    private double _state;
    private double _min;
    private double _max;
    private double _level;
    private int _count; // saturating; only the warm-up (first point, settle) reads it

    public FeatureNoveltyScorer(NoveltyFeature feature, double rate = 0.05, double decay = 3e-5, int settle = 20, double absorb = 1.0)
        : this(new FeatureNoveltySettings(feature, rate, decay, settle, absorb))
    {
    }

    /// <param name="settings">Shared by every series of a factory (one reference per series instead of the parameters).</param>
    public FeatureNoveltyScorer(FeatureNoveltySettings settings)
    {
        _settings = settings;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        var settings = _settings;
        _count = _count < int.MaxValue ? _count + 1 : _count;
        var feature = NextFeature(value);
        _previous = value;
        if (_count < settings.Settle)
        {
            return 0;
        }

        if (_count == settings.Settle)
        {
            _min = feature;
            _max = feature;
            _level = feature;
            return 0;
        }

        var range = Math.Max(_max - _min, ScaleFloor.For(_level) + (1e-3 * Math.Abs(_level)));
        var above = (feature - _max) / range;
        var below = settings.Feature is NoveltyFeature.SmoothedLevel or NoveltyFeature.Step ? (_min - feature) / range : 0;
        var raw = Math.Max(0, Math.Max(above, below));
        Expected = Math.Clamp(feature, _min, _max);
        Deviation = above > 0 ? above : -Math.Max(below, 0);

        _level += 0.01 * (feature - _level);
        // A smoothed feature creeps past its old extreme; absorbing it gradually lets the excess accumulate over
        // the episode instead of being reset point by point.
        var contractedMin = _min + (settings.Decay * (_level - _min));
        var contractedMax = _max - (settings.Decay * (_max - _level));
        _min = feature < contractedMin ? contractedMin + (settings.Absorb * (feature - contractedMin)) : contractedMin;
        _max = feature > contractedMax ? contractedMax + (settings.Absorb * (feature - contractedMax)) : contractedMax;
        return raw;
    }

    private double NextFeature(double value)
    {
        if (_count == 1)
        {
            _state = _settings.Feature switch
            {
                NoveltyFeature.SmoothedLevel => value,
                NoveltyFeature.RunLength => 1,
                _ => 0,
            };
            return _state;
        }

        var rate = _settings.Rate;
        _state = _settings.Feature switch
        {
            NoveltyFeature.SmoothedLevel => _state + (rate * (value - _state)),
            NoveltyFeature.Volatility => _state + (rate * (Math.Abs(value - _previous) - _state)),
            NoveltyFeature.Step => value - _previous,
            _ => value == _previous ? _state + 1 : 1,
        };
        return _state;
    }
}
