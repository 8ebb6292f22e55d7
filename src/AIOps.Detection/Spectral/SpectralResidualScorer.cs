using AIOps.Detection.Scoring;

namespace AIOps.Detection.Spectral;

/// <summary>
/// Spectral residual saliency (Ren et al., KDD 2019) over a sliding window: the log-amplitude spectrum minus its
/// local average is the "unexpected" part; transformed back it highlights salient points. The window is extended
/// by a few extrapolated points so the newest real point is not at the edge. The raw score is the newest point's
/// saliency relative to the mean saliency of the recent points. O(w log w) per point.
/// </summary>
internal sealed class SpectralResidualScorer : IRawScorer
{
    private const int Extension = 5;
    private const int AverageWidth = 3;
    private readonly double[] _ring;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _amp;
    private readonly double[] _saliencyHistory;
    private int _count;
    private int _next;
    private int _historyNext;
    private int _historyCount;

    public SpectralResidualScorer(int fftSize = 64, int saliencyHistory = 21)
    {
        if (fftSize < 16 || (fftSize & (fftSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fftSize), "must be a power of two >= 16");
        }

        _ring = new double[fftSize - Extension];
        _re = new double[fftSize];
        _im = new double[fftSize];
        _amp = new double[fftSize];
        _saliencyHistory = new double[saliencyHistory];
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        _ring[_next] = value;
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
        if (_count < _ring.Length)
        {
            return 0;
        }

        var w = _ring.Length;
        var n = _re.Length;
        // Centre on the window mean so the DC term does not swamp the spectrum; scale-free thereafter.
        double mean = 0;
        for (var i = 0; i < w; i++)
        {
            _re[i] = _ring[(_next + i) % w];
            mean += _re[i];
        }

        mean /= w;
        for (var i = 0; i < w; i++)
        {
            _re[i] -= mean;
        }

        // Extension: the paper pads with gradient-extrapolated points so the newest point is not at the window's edge.
        // Extrapolating from the newest point itself makes a spike extend itself and hide; padding with the mean of
        // the points before it keeps the newest point the one that stands out.
        double before = 0;
        for (var i = 2; i <= Extension + 1; i++)
        {
            before += _re[w - i];
        }

        before /= Extension;
        for (var i = 0; i < Extension; i++)
        {
            _re[w + i] = before;
        }

        Array.Clear(_im);
        Fft.Transform(_re, _im, inverse: false);
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            _amp[i] = Math.Sqrt((_re[i] * _re[i]) + (_im[i] * _im[i]));
            total += _amp[i];
        }

        // Floor relative to the spectrum's mass: near-empty bins of a smooth window would otherwise dominate log A.
        var ampFloor = Math.Max(1e-6 * total / n, 1e-300);
        for (var i = 0; i < n; i++)
        {
            _amp[i] = Math.Max(_amp[i], ampFloor);
        }

        for (var i = 0; i < n; i++)
        {
            // Local average of the log amplitude (circular, width 3); residual = log A - avg.
            double avg = 0;
            for (var k = -(AverageWidth / 2); k <= AverageWidth / 2; k++)
            {
                avg += Math.Log(_amp[(i + k + n) % n]);
            }

            avg /= AverageWidth;
            var residual = Math.Log(_amp[i]) - avg;
            var magnitude = Math.Sqrt((_re[i] * _re[i]) + (_im[i] * _im[i]));
            var scale = magnitude > 0 ? Math.Exp(residual) / magnitude : 0;
            _re[i] *= scale;
            _im[i] *= scale;
        }

        Fft.Transform(_re, _im, inverse: true);
        var saliency = Math.Sqrt((_re[w - 1] * _re[w - 1]) + (_im[w - 1] * _im[w - 1]));
        double history = 0;
        for (var i = 0; i < _historyCount; i++)
        {
            history += _saliencyHistory[i];
        }

        var raw = _historyCount > 0 && history > 0 ? Math.Max(0, (saliency - (history / _historyCount)) / (history / _historyCount)) : 0;
        _saliencyHistory[_historyNext] = saliency;
        _historyNext = (_historyNext + 1) % _saliencyHistory.Length;
        _historyCount = Math.Min(_historyCount + 1, _saliencyHistory.Length);
        Expected = mean;
        Deviation = raw;
        return raw;
    }
}
