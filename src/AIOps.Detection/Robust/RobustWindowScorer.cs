using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// Robust baseline: the new value's distance from the median of the last <c>window</c> values, in units of the
/// IQR-based sigma (IQR / 1.349; same as MAD-sigma for Gaussian data, and cheaper to keep from one sorted window).
/// Robust to the outliers it is looking for, unlike mean/std.
/// </summary>
internal sealed class RobustWindowScorer : IRawScorer
{
    private readonly SortedWindow _window;
    private readonly int _minPoints;

    public RobustWindowScorer(int window = 128, int minPoints = 8)
    {
        _window = new SortedWindow(window);
        _minPoints = minPoints;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        var raw = 0.0;
        if (_window.Count >= _minPoints)
        {
            var median = _window.Quantile(0.5);
            var sigma = (_window.Quantile(0.75) - _window.Quantile(0.25)) / 1.349;
            // Quantised or flat series have IQR 0: fall back to the full range before the absolute floor.
            if (sigma <= 0)
            {
                sigma = (_window.Quantile(1.0) - _window.Quantile(0.0)) / 6.0;
            }

            sigma = Math.Max(sigma, ScaleFloor.For(median));
            var z = (value - median) / sigma;
            Expected = median;
            Deviation = z;
            raw = Math.Abs(z);
        }

        _window.Add(value);
        return raw;
    }
}
