namespace AIOps.Detection.Scoring;

/// <summary>
/// Median/MAD over a sliding window: the score grows with the robust z-score of the new point
/// against the window before it. Robust to the outliers it is looking for, unlike mean/std.
/// </summary>
public sealed class RobustBaselineDetector : ISeriesDetector
{
    private const double MaxDeviation = 1000;

    private readonly double[] _window;
    private readonly double[] _scratch;
    private readonly int _minPoints;
    private readonly double _threshold;
    private int _count;
    private int _next;

    public RobustBaselineDetector(int windowSize = 120, int minPoints = 20, double threshold = 4.0)
    {
        _window = new double[windowSize];
        _scratch = new double[windowSize];
        _minPoints = minPoints;
        _threshold = threshold;
    }

    public AnomalyScore Update(DateTimeOffset timestamp, double value)
    {
        if (!double.IsFinite(value))
        {
            return AnomalyScore.None;
        }

        var result = AnomalyScore.None;
        if (_count >= _minPoints)
        {
            var median = Median(_count, out var mad, out var meanAbsoluteDeviation);
            // 1.4826 makes MAD a consistent estimator of sigma. A mostly-constant series (error counts that are
            // usually 0) has MAD 0; the mean absolute deviation (x1.2533 for sigma) still sees its rare blips.
            var spread = mad > 0 ? 1.4826 * mad : 1.2533 * meanAbsoluteDeviation;
            var scale = Math.Max(spread, Math.Max(Math.Abs(median) * 0.01, 1e-9));
            // Beyond a thousand spreads the number means only "off the scale"; cap it so reports stay readable.
            var z = Math.Clamp((value - median) / scale, -MaxDeviation, MaxDeviation);
            result = new AnomalyScore(Squash(Math.Abs(z)), median, z);
        }

        _window[_next] = value;
        _next = (_next + 1) % _window.Length;
        _count = Math.Min(_count + 1, _window.Length);
        return result;
    }

    // Maps |z| to [0,1]: 0.5 at the threshold, approaching 1 well beyond it.
    private double Squash(double absZ) => 1.0 - Math.Exp(-Math.Log(2) * Math.Pow(absZ / _threshold, 2));

    private double Median(int count, out double mad, out double meanAbsoluteDeviation)
    {
        Array.Copy(_window, _scratch, count);
        var span = _scratch.AsSpan(0, count);
        span.Sort();
        var median = MiddleOfSorted(span);
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            span[i] = Math.Abs(span[i] - median);
            sum += span[i];
        }

        meanAbsoluteDeviation = sum / count;

        span.Sort();
        mad = MiddleOfSorted(span);
        return median;
    }

    private static double MiddleOfSorted(Span<double> sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
