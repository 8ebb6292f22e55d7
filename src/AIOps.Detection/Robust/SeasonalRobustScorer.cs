using AIOps.Detection.Forecast;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Robust;

/// <summary>
/// Robust baseline that turns seasonal when a period is detected: median/IQR z-score of the value over a sliding
/// window, or, once <see cref="SeasonalForecastScorer"/> has found a daily/weekly period, of the deseasonalised
/// value (value minus the seasonal profile), so the daily swing is not mistaken for spread. The window restarts
/// when the domain switches so values and residuals are never mixed.
/// </summary>
internal sealed class SeasonalRobustScorer : IRawScorer
{
    private readonly SeasonalForecastScorer _season;
    private readonly int _window;
    private RobustWindowScorer _robust;
    private bool _seasonal;

    public SeasonalRobustScorer(SeasonalForecastScorer season, int window = 128)
    {
        _season = season;
        _window = window;
        _robust = new RobustWindowScorer(window);
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation => _robust.Deviation;

    public double Update(double value, in PointContext context)
    {
        _season.Update(value, context);
        var seasonal = _season.Period > 0;
        if (seasonal != _seasonal)
        {
            _seasonal = seasonal;
            _robust = new RobustWindowScorer(_window);
        }

        // Deseasonalised: the residual plus the forecast's level, so Expected stays in the value's units.
        var offset = seasonal ? _season.Expected - _season.Level : 0;
        var raw = _robust.Update(value - offset, context);
        Expected = _robust.Expected + offset;
        return raw;
    }
}
