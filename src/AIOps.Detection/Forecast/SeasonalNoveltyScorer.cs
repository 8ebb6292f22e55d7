using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Forecast;

/// <summary>
/// Range novelty of the seasonal residual: once the seasonal model has proved itself (a period was detected),
/// a residual outside every residual seen since is as telling as a raw value outside the raw range, and catches
/// anomalies that stay inside the daily swing (a flat day, a jump at the wrong hour). Silent when no period.
/// </summary>
internal sealed class SeasonalNoveltyScorer : IRawScorer
{
    private readonly SeasonalForecastScorer _forecast;
    private readonly SeasonalNoveltySettings _settings;
    // The residual range inline (not a nested scorer object: 40 bytes less per series); empty while no period.
    private NoveltyRange _residuals = NoveltyRange.Empty;
    private int _residualCount; // saturating; only compared with the settle length
    private double _smoothed;

    /// <param name="smoothing">EW rate applied to the residual before its range is tracked (1 = raw residual); a
    /// smoothed residual catches a whole day off its usual shape.</param>
    public SeasonalNoveltyScorer(SeasonalForecastScorer forecast, double decay = 3e-5, double settlePeriods = 2, double smoothing = 1)
        : this(forecast, new SeasonalNoveltySettings(decay, settlePeriods, smoothing))
    {
    }

    /// <param name="settings">Shared by every series of a factory (one reference per series instead of the parameters).</param>
    public SeasonalNoveltyScorer(SeasonalForecastScorer forecast, SeasonalNoveltySettings settings)
    {
        _forecast = forecast;
        _settings = settings;
    }

    public double Expected => _forecast.Expected;

    public double Deviation => _forecast.Deviation;

    public double Update(double value, in PointContext context)
    {
        _forecast.Update(value, context);
        if (_forecast.Period == 0)
        {
            _residuals = NoveltyRange.Empty;
            _residualCount = 0;
            return 0;
        }

        var settings = _settings;
        var residual = value - _forecast.Expected;
        _smoothed = _residualCount == 0 || settings.Smoothing >= 1 ? residual : _smoothed + (settings.Smoothing * (residual - _smoothed));
        var raw = _residuals.Score(_smoothed, settings.Decay);
        // The residual range needs a couple of periods of its own before "outside it" means anything.
        _residualCount = _residualCount < int.MaxValue ? _residualCount + 1 : _residualCount;
        return _residualCount > settings.SettlePeriods * _forecast.Period ? raw : 0;
    }
}
