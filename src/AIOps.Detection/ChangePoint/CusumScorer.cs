using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.ChangePoint;

/// <summary>
/// Two-sided CUSUM of standardised values against a slow EW baseline: accumulates small persistent shifts that no
/// single point reveals. When the sum passes <c>resetLevel</c> the change is taken as confirmed and the baseline
/// re-centres on the new level, so a level shift raises one episode, not an endless one.
/// </summary>
internal sealed class CusumScorer : IRawScorer
{
    private readonly double _rate;
    private readonly double _slack;
    private readonly double _resetLevel;
    private double _mean;
    private double _variance;
    private double _up;
    private double _down;
    private long _count;

    public CusumScorer(double rate = 0.01, double slack = 0.5, double resetLevel = 30)
    {
        _rate = rate;
        _slack = slack;
        _resetLevel = resetLevel;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        _count++;
        if (_count == 1)
        {
            _mean = value;
            Expected = value;
            return 0;
        }

        var sigma = Math.Max(Math.Sqrt(_variance), ScaleFloor.For(_mean));
        var z = Math.Clamp((value - _mean) / sigma, -50, 50);
        Expected = _mean;
        Deviation = z;
        if (_count > 10)
        {
            _up = Math.Max(0, _up + z - _slack);
            _down = Math.Max(0, _down - z - _slack);
        }

        var raw = Math.Max(_up, _down);
        var rate = Math.Max(_rate, 1.0 / _count);
        if (raw > _resetLevel)
        {
            _mean = value;
            _up = 0;
            _down = 0;
        }
        else
        {
            // Clip only once the variance has history; clipping from a zero start would pin it at the floor.
            var delta = _count > 10 ? Math.Clamp(value - _mean, -4 * sigma, 4 * sigma) : value - _mean;
            _mean += rate * delta;
            _variance = (1 - rate) * (_variance + (rate * delta * delta));
        }

        return raw;
    }
}
