using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Forecast;

/// <summary>
/// Forecast residual: a damped Holt (level + trend) one-step forecast; the surprise is the residual over an EW
/// mean absolute residual. The scale is updated with a clipped residual so one spike does not hide the next.
/// The parameters are one <see cref="HoltSettings"/> reference, shared by every series of a factory.
/// </summary>
internal sealed class HoltResidualScorer : IRawScorer
{
    private readonly HoltSettings _settings;
    private double _level;
    private double _trend;
    private double _scale;
    private long _count;

    public HoltResidualScorer(double alpha = 0.3, double beta = 0.02, double phi = 0.9, double scaleRate = 0.01)
        : this(new HoltSettings(alpha, beta, phi, scaleRate))
    {
    }

    /// <param name="settings">Shared by every series of a factory.</param>
    public HoltResidualScorer(HoltSettings settings)
    {
        _settings = settings;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    public double Update(double value, in PointContext context)
    {
        _count++;
        if (_count == 1)
        {
            _level = value;
            Expected = value;
            Deviation = 0;
            return 0;
        }

        var settings = _settings;
        var forecast = _level + (settings.Phi * _trend);
        var residual = value - forecast;
        var floor = ScaleFloor.For(_level);
        var scale = Math.Max(_scale * 1.2533, floor); // 1.2533 = sqrt(pi/2): mean |e| to sigma for Gaussian e
        var z = residual / scale;
        Expected = forecast;
        Deviation = z;

        // Warm-up: the scale is a plain running mean until it has seen enough residuals to be an EW average.
        var rate = Math.Max(settings.ScaleRate, 1.0 / _count);
        var clipped = _count > 10 ? Math.Min(Math.Abs(residual), 6.0 * scale) : Math.Abs(residual);
        _scale += rate * (clipped - _scale);

        // After a gap the forecast is stale: let the level jump to the new value rather than score the gap forever.
        var alpha = context.GapSteps > 5 ? 1.0 : settings.Alpha;
        var previousLevel = _level;
        _level = forecast + (alpha * residual);
        _trend = (settings.Beta * (_level - previousLevel)) + ((1 - settings.Beta) * settings.Phi * _trend);
        return _count > 3 ? Math.Abs(z) : 0;
    }
}
