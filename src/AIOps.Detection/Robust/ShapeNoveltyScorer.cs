using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// Shape novelty, after ARTime's use of adaptive resonance: the last <c>length</c> bin means (each bin averages
/// <c>stride</c> points), placed in the series' historic range as bytes 0..255, are matched against a few learned
/// categories. A category is a hyperbox (per-bin low/high, fuzzy ART with complement coding and fast learning); a
/// window resonates with a category when the box grown to include it stays within the vigilance budget, and then the
/// box grows. A window that resonates with no category is novel: the raw score is its L1 distance to the nearest box
/// (mean per bin, in units of the range), and it founds a new category, replacing the least recently used when full.
/// Catches anomalies that stay inside the value range but take a shape the series has not shown (a new oscillation,
/// a drop at the wrong pace). State is a few hundred bytes: bytes for the boxes, floats for the recent bins.
/// </summary>
internal sealed class ShapeNoveltyScorer : IRawScorer
{
    private readonly int _length;
    private readonly int _stride;
    private readonly int _capacity;
    private readonly int _budget;
    private readonly double _decay;
    private readonly int _settle;

    // Per category: _length low bytes then _length high bytes.
    private readonly byte[] _boxes;
    private readonly int[] _lastUsed;
    private readonly float[] _bins;
    private readonly byte[] _window;
    private int _used;
    private int _binCount;
    private int _inBin;
    private double _binSum;
    private double _min;
    private double _max;
    private double _level;
    private long _count;
    private int _clock;

    /// <param name="length">Bins per window.</param>
    /// <param name="stride">Points averaged per bin.</param>
    /// <param name="capacity">Most categories kept.</param>
    /// <param name="vigilance">ART vigilance in (0,1): a box may span at most (1 - vigilance) of the range per bin on average.</param>
    /// <param name="decay">Per-point contraction of the normalising range toward the level (as <see cref="RangeNoveltyScorer"/>).</param>
    /// <param name="settle">Points before any score: the range and the first categories need some history.</param>
    public ShapeNoveltyScorer(int length = 8, int stride = 2, int capacity = 16, double vigilance = 0.9, double decay = 3e-5, int settle = 100)
    {
        _length = length;
        _stride = stride;
        _capacity = capacity;
        _budget = (int)Math.Round(length * 255 * (1 - vigilance));
        _decay = decay;
        _settle = settle;
        _boxes = new byte[capacity * 2 * length];
        _lastUsed = new int[capacity];
        _bins = new float[length];
        _window = new byte[length];
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    /// <summary>Categories learned so far (for tests).</summary>
    internal int Categories => _used;

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
        _min = Math.Min(_min + (_decay * (_level - _min)), value);
        _max = Math.Max(_max - (_decay * (_max - _level)), value);
        _binSum += value;
        if (++_inBin < _stride)
        {
            return 0;
        }

        var mean = _binSum / _stride;
        _binSum = 0;
        _inBin = 0;
        _bins[_binCount % _length] = (float)mean;
        _binCount++;
        if (_binCount < _length)
        {
            return 0;
        }

        var range = Math.Max(_max - _min, ScaleFloor.For(_level) + (1e-3 * Math.Abs(_level)));
        var start = _binCount % _length;
        for (var k = 0; k < _length; k++)
        {
            var x = (_bins[(start + k) % _length] - _min) / range;
            _window[k] = (byte)Math.Clamp(Math.Round(x * 255), 0, 255);
        }

        Expected = mean;
        var raw = Match();
        Deviation = raw;
        return _count > _settle ? raw : 0;
    }

    // Resonance search, then learning; returns the window's novelty (0 when some category resonated).
    private double Match()
    {
        _clock++;
        var best = -1;
        var bestDistance = int.MaxValue;
        var nearest = int.MaxValue;
        for (var c = 0; c < _used; c++)
        {
            var lo = c * 2 * _length;
            var hi = lo + _length;
            var grown = 0;
            var distance = 0;
            for (var k = 0; k < _length; k++)
            {
                int x = _window[k];
                int l = _boxes[lo + k];
                int h = _boxes[hi + k];
                grown += Math.Max(h, x) - Math.Min(l, x);
                distance += x < l ? l - x : x > h ? x - h : 0;
            }

            nearest = Math.Min(nearest, distance);
            if (grown <= _budget && distance < bestDistance)
            {
                best = c;
                bestDistance = distance;
            }
        }

        if (best >= 0)
        {
            var lo = best * 2 * _length;
            var hi = lo + _length;
            for (var k = 0; k < _length; k++)
            {
                var x = _window[k];
                _boxes[lo + k] = Math.Min(_boxes[lo + k], x);
                _boxes[hi + k] = Math.Max(_boxes[hi + k], x);
            }

            _lastUsed[best] = _clock;
            return 0;
        }

        var slot = _used < _capacity ? _used++ : LeastRecentlyUsed();
        var at = slot * 2 * _length;
        for (var k = 0; k < _length; k++)
        {
            _boxes[at + k] = _window[k];
            _boxes[at + _length + k] = _window[k];
        }

        _lastUsed[slot] = _clock;
        return nearest == int.MaxValue ? 0 : nearest / (255.0 * _length);
    }

    private int LeastRecentlyUsed()
    {
        var oldest = 0;
        for (var c = 1; c < _capacity; c++)
        {
            if (_lastUsed[c] < _lastUsed[oldest])
            {
                oldest = c;
            }
        }

        return oldest;
    }
}
