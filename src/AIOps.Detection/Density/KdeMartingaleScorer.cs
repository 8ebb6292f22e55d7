using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Density;

/// <summary>
/// I.i.d. test: a kernel-density p-value of the new value against the last <c>window</c> values (two-sided tail of
/// the Gaussian-kernel CDF), fed to a power martingale (log M += log eps + (eps-1) log p). Under exchangeability M
/// stays small; a run of improbable values makes it grow. M is floored at 1 so it re-arms after quiet periods.
/// The raw score is log M.
/// </summary>
internal sealed class KdeMartingaleScorer : IRawScorer
{
    private readonly double[] _ring;
    private readonly double _epsilon;
    private int _count;
    private int _next;
    private double _sum;
    private double _sumSquares;
    private double _logMartingale;

    public KdeMartingaleScorer(int window = 64, double epsilon = 0.92)
    {
        _ring = new double[window];
        _epsilon = epsilon;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        if (_count >= 8)
        {
            var n = _count;
            var mean = _sum / n;
            var sd = Math.Sqrt(Math.Max(0, (_sumSquares / n) - (mean * mean)));
            // Silverman's rule, floored so a flat window still has a kernel width.
            var h = Math.Max(1.06 * sd * Math.Pow(n, -0.2), ScaleFloor.For(mean) + (1e-3 * Math.Abs(mean)));
            double cdf = 0;
            for (var j = 0; j < n; j++)
            {
                cdf += Gaussian.Cdf((value - _ring[j]) / h);
            }

            cdf /= n;
            var p = Math.Clamp(2 * Math.Min(cdf, 1 - cdf), 1e-12, 1.0);
            _logMartingale = Math.Max(0, _logMartingale + Math.Log(_epsilon) + ((_epsilon - 1) * Math.Log(p)));
            Expected = mean;
            Deviation = sd > 0 ? (value - mean) / sd : 0;
        }

        if (_count == _ring.Length)
        {
            var old = _ring[_next];
            _sum -= old;
            _sumSquares -= old * old;
        }
        else
        {
            _count++;
        }

        _ring[_next] = value;
        _sum += value;
        _sumSquares += value * value;
        _next = (_next + 1) % _ring.Length;
        if (_next == 0)
        {
            // Once per lap, recompute the running sums so add/subtract rounding cannot drift (amortised O(1)).
            _sum = 0;
            _sumSquares = 0;
            for (var j = 0; j < _count; j++)
            {
                _sum += _ring[j];
                _sumSquares += _ring[j] * _ring[j];
            }
        }

        return _logMartingale;
    }
}
