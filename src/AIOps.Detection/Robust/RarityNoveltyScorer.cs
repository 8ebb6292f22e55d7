using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// Values that stay inside the familiar range but keep landing where the series rarely goes (an oscillation between
/// two unusual levels, a new regime in the middle of the range). A compact long-run histogram of the value over its
/// range (16 float bins, fading at <c>memory</c> per point) gives each point a surprise -ln p(bin); the surprise is
/// EW-smoothed (rate <c>rate</c>), and the raw score is how far that smoothed surprise lies above everything it has
/// been (range novelty of the feature, after <c>settle</c> points). One odd point barely moves the average; a
/// sustained stretch of odd values does.
/// </summary>
internal sealed class RarityNoveltyScorer : IRawScorer
{
    private const int Bins = 16;
    private readonly float[] _counts = new float[Bins];
    private readonly double _rate;
    private readonly double _memory;
    private readonly double _decay;
    private readonly int _settle;
    private double _min;
    private double _max;
    private double _level;
    private double _weight = 1;
    private double _total;
    private double _smoothed;
    private double _fMin;
    private double _fMax;
    private double _fLevel;
    private long _count;

    public RarityNoveltyScorer(double rate = 0.05, double memory = 0.002, double decay = 3e-5, int settle = 300)
    {
        _rate = rate;
        _memory = memory;
        _decay = decay;
        _settle = settle;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        _count++;
        if (_count == 1)
        {
            _min = value;
            _max = value;
            _level = value;
        }

        _level += 0.01 * (value - _level);
        var range = Math.Max(_max - _min, ScaleFloor.For(_level) + (1e-3 * Math.Abs(_level)));
        var bin = (int)Math.Clamp((value - _min) / range * Bins, 0, Bins - 1);
        var p = (_counts[bin] + (0.5 * _weight)) / (_total + (Bins * 0.5 * _weight));
        var surprise = -Math.Log(p);
        _smoothed = _count == 1 ? surprise : _smoothed + (_rate * (surprise - _smoothed));

        // Fading by growing the weight of new points instead of shrinking every bin: O(1) per point.
        _counts[bin] += (float)_weight;
        _total += _weight;
        _weight /= 1 - _memory;
        if (_weight > 1e20)
        {
            Rescale();
        }

        _min = Math.Min(_min + (_decay * (_level - _min)), value);
        _max = Math.Max(_max - (_decay * (_max - _level)), value);
        return ScoreFeature(_smoothed);
    }

    private double ScoreFeature(double feature)
    {
        if (_count < _settle)
        {
            return 0;
        }

        if (_count == _settle)
        {
            _fMin = feature;
            _fMax = feature;
            _fLevel = feature;
            return 0;
        }

        var range = Math.Max(_fMax - _fMin, 1e-3);
        var raw = Math.Max(0, (feature - _fMax) / range);
        Expected = _fMax;
        Deviation = raw;
        _fLevel += 0.01 * (feature - _fLevel);
        _fMin = Math.Min(_fMin + (_decay * (_fLevel - _fMin)), feature);
        _fMax = Math.Max(_fMax - (_decay * (_fMax - _fLevel)), feature);
        return raw;
    }

    private void Rescale()
    {
        var scale = 1 / _weight;
        for (var b = 0; b < Bins; b++)
        {
            _counts[b] = (float)(_counts[b] * scale);
        }

        _total *= scale;
        _weight = 1;
    }
}
