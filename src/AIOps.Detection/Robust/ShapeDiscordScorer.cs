using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// Experiment: shape discord. The last <c>length</c> bin means, minus their own mean and in units of the series'
/// range, are compared with a few prototype shapes (online k-means); the raw score is how much the distance to the
/// nearest prototype exceeds its usual size (an EW mean of past nearest distances), so noise-level mismatch scores 0
/// and only a shape far from everything seen scores.
/// </summary>
internal sealed class ShapeDiscordScorer : IRawScorer
{
    private readonly int _length;
    private readonly int _stride;
    private readonly int _capacity;
    private readonly double _rate;
    private readonly double _learn;
    private readonly int _settle;
    private readonly float[] _prototypes;
    private readonly int[] _lastUsed;
    private readonly float[] _bins;
    private readonly float[] _window;
    private int _used;
    private int _binCount;
    private int _inBin;
    private double _binSum;
    private double _min;
    private double _max;
    private double _typical;
    private long _count;
    private int _clock;

    public ShapeDiscordScorer(int length = 8, int stride = 2, int capacity = 16, double rate = 0.01, double learn = 0.1, int settle = 200)
    {
        _length = length;
        _stride = stride;
        _capacity = capacity;
        _rate = rate;
        _learn = learn;
        _settle = settle;
        _prototypes = new float[capacity * length];
        _lastUsed = new int[capacity];
        _bins = new float[length];
        _window = new float[length];
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
        }

        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        _binSum += value;
        if (++_inBin < _stride)
        {
            return 0;
        }

        var binMean = _binSum / _stride;
        _binSum = 0;
        _inBin = 0;
        _bins[_binCount % _length] = (float)binMean;
        _binCount++;
        if (_binCount < _length)
        {
            return 0;
        }

        var range = Math.Max(_max - _min, ScaleFloor.For(value) + (1e-3 * Math.Abs(value)));
        var start = _binCount % _length;
        var mean = 0.0;
        for (var k = 0; k < _length; k++)
        {
            mean += _bins[k];
        }

        mean /= _length;
        for (var k = 0; k < _length; k++)
        {
            _window[k] = (float)((_bins[(start + k) % _length] - mean) / range);
        }

        Expected = binMean;
        _clock++;
        var nearest = -1;
        var distance = double.MaxValue;
        for (var c = 0; c < _used; c++)
        {
            var d = 0.0;
            var at = c * _length;
            for (var k = 0; k < _length; k++)
            {
                d += Math.Abs(_window[k] - _prototypes[at + k]);
            }

            if (d < distance)
            {
                distance = d;
                nearest = c;
            }
        }

        double raw = 0;
        if (nearest < 0 || !double.IsFinite(distance))
        {
            // First window, or a window no distance can be taken to (non-finite features): remember it, score 0.
            Store(_used < _capacity ? _used++ : LeastRecentlyUsed());
            distance = _typical;
        }
        else if (_used < _capacity && distance > 2 * _typical)
        {
            Store(_used++);
        }
        else
        {
            raw = _typical > 0 ? Math.Max(0, (distance / _typical) - 1) : 0;
            if (distance > 2 * _typical)
            {
                Store(LeastRecentlyUsed());
            }
            else
            {
                var at = nearest * _length;
                for (var k = 0; k < _length; k++)
                {
                    _prototypes[at + k] += (float)(_learn * (_window[k] - _prototypes[at + k]));
                }

                _lastUsed[nearest] = _clock;
            }
        }

        _typical = _typical == 0 ? distance : _typical + (_rate * (distance - _typical));
        Deviation = raw;
        return _count > _settle ? raw : 0;
    }

    private void Store(int slot)
    {
        Array.Copy(_window, 0, _prototypes, slot * _length, _length);
        _lastUsed[slot] = _clock;
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
