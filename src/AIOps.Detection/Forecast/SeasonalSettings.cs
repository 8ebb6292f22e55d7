namespace AIOps.Detection.Forecast;

/// <summary>Parameters of <see cref="SeasonalForecastScorer"/>, built once per factory and shared by its series (the state codec treats them as configuration).</summary>
/// <param name="MaxPeriod">Longest season, in points, the model may allocate.</param>
/// <param name="Alpha">Level smoothing of the seasonal model.</param>
/// <param name="Gamma">Floor of the seasonal index smoothing (the first cycles average).</param>
/// <param name="ScaleRate">EW rate of the residual scale and of the spread it is compared with.</param>
/// <param name="Preference">The season is used when its mean absolute residual is below this share of the spread.</param>
/// <param name="PreferWeekly">Try the weekly period before the daily one.</param>
/// <param name="FixedPeriod">A season length from the detection rules (`season:`) instead of the daily/weekly candidates; zero: automatic.</param>
internal sealed record SeasonalSettings(
    int MaxPeriod = 300,
    double Alpha = 0.1,
    double Gamma = 0.1,
    double ScaleRate = 0.01,
    double Preference = 0.7,
    bool PreferWeekly = false,
    TimeSpan FixedPeriod = default);
