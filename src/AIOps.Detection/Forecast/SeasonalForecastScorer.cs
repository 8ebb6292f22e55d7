using AIOps.Detection.Scoring;
using AIOps.Detection.Stats;

namespace AIOps.Detection.Forecast;

/// <summary>
/// Forecast residual with seasonality when the data has it: a damped Holt forecast runs always; once the sampling
/// step is known, an additive Holt-Winters model runs alongside for the daily (or weekly) period if that period fits
/// in <c>maxPeriod</c> points. The seasonal model is used when, after two full periods, its EW mean absolute residual
/// is clearly below the EW mean absolute deviation from a slow level (the share of variation the season explains,
/// a streaming stand-in for the autocorrelation at that lag): that comparison is the period detection. Seasonal indices are floats
/// (the residual scale dwarfs float rounding) to keep state small.
/// </summary>
internal sealed class SeasonalForecastScorer : IRawScorer
{
    private const int DecideAfterPoints = 16;
    private readonly HoltResidualScorer _plain;
    private readonly SeasonalSettings _settings;
    private float[]? _season;
    private int _period;
    private int _count; // saturating; only the warm-up reads it (an int keeps the per-series state 8 bytes smaller)
    private long _seasonalCount;
    private double _level;
    private double _scale;
    private double _spreadMae;
    private double _slowLevel;
    private double _seasonalMae;

    /// <param name="fixedPeriod">A season length from the detection rules (`season:`) instead of the daily/weekly candidates; zero: automatic.</param>
    public SeasonalForecastScorer(HoltResidualScorer plain, int maxPeriod = 300, double alpha = 0.1, double gamma = 0.1, double scaleRate = 0.01, double preference = 0.7, bool preferWeekly = false, TimeSpan fixedPeriod = default)
        : this(plain, new SeasonalSettings(maxPeriod, alpha, gamma, scaleRate, preference, preferWeekly, fixedPeriod))
    {
    }

    /// <param name="settings">Shared by every series of a factory (one reference per series instead of the parameters).</param>
    public SeasonalForecastScorer(HoltResidualScorer plain, SeasonalSettings settings)
    {
        _plain = plain;
        _settings = settings;
    }

    public double Expected { get; private set; } = double.NaN;

    public double Deviation { get; private set; }

    /// <summary>The seasonal model's level (the forecast minus its seasonal term when a period is active).</summary>
    public double Level => _level;

    /// <summary>Detected period in points (0 = none).</summary>
    public int Period => SeasonalActive ? _period : 0;

    private bool SeasonalActive => _season is not null && _seasonalCount > 2L * _period && _seasonalMae < _settings.Preference * _spreadMae;

    public double Update(double value, in PointContext context)
    {
        var settings = _settings;
        _count = _count < int.MaxValue ? _count + 1 : _count;
        var plainRaw = _plain.Update(value, context);
        _slowLevel = _count == 1 ? value : _slowLevel + (Math.Max(settings.ScaleRate, 1.0 / _count) * (value - _slowLevel));
        if (_count == DecideAfterPoints && context.TypicalStep > TimeSpan.Zero)
        {
            ChoosePeriod(context.TypicalStep);
        }

        if (_season is null)
        {
            Expected = _plain.Expected;
            Deviation = _plain.Deviation;
            return plainRaw;
        }

        _seasonalCount++;
        var phase = (int)(_seasonalCount % _period);
        var cycles = _seasonalCount / _period;
        var forecast = _level + _season[phase];
        var residual = value - forecast;
        var floor = ScaleFloor.For(_level);
        var scale = Math.Max(_scale * 1.2533, floor);
        var z = residual / scale;

        if (_seasonalCount > _period)
        {
            // Clip only after the scale has its own history; clipping from a zero start would pin it at the floor.
            var clipped = _seasonalCount > _period + 10 ? Math.Min(Math.Abs(residual), 6.0 * scale) : Math.Abs(residual);
            var scaleRate = Math.Max(settings.ScaleRate, 1.0 / (_seasonalCount - _period));
            _scale += scaleRate * (clipped - _scale);
            _seasonalMae += scaleRate * (clipped - _seasonalMae);
            _spreadMae += scaleRate * (Math.Abs(value - _slowLevel) - _spreadMae);
        }

        if (_seasonalCount <= _period)
        {
            // First cycle: store the values, then centre them on their mean, which becomes the level.
            _season[phase] = (float)value;
            _level += (value - _level) / _seasonalCount;
            if (_seasonalCount == _period)
            {
                for (var i = 0; i < _period; i++)
                {
                    _season[i] = (float)(_season[i] - _level);
                }
            }
        }
        else
        {
            // Later cycles average each phase (gamma = 1/cycles) until gamma reaches its floor.
            var gamma = Math.Max(settings.Gamma, 1.0 / (cycles + 1));
            var alpha = context.GapSteps > 5 ? 1.0 : settings.Alpha;
            _level += alpha * (value - _season[phase] - _level);
            _season[phase] = (float)(_season[phase] + (gamma * (value - _level - _season[phase])));
        }

        if (!SeasonalActive)
        {
            Expected = _plain.Expected;
            Deviation = _plain.Deviation;
            return plainRaw;
        }

        Expected = forecast;
        Deviation = z;
        return Math.Abs(z);
    }

    private void ChoosePeriod(TimeSpan step)
    {
        var fixedTicks = _settings.FixedPeriod.Ticks;
        ReadOnlySpan<double> candidates = fixedTicks > 0 ? [fixedTicks]
            : _settings.PreferWeekly ? [TimeSpan.FromDays(7).Ticks, TimeSpan.FromDays(1).Ticks]
            : [TimeSpan.FromDays(1).Ticks, TimeSpan.FromDays(7).Ticks];
        foreach (var candidate in candidates)
        {
            var period = (int)Math.Round(candidate / step.Ticks);
            if (period >= 8 && period <= _settings.MaxPeriod)
            {
                _period = period;
                _season = new float[period];
                return;
            }
        }
    }
}
