namespace AIOps.Detection.Forecast;

/// <summary>Parameters of <see cref="HoltResidualScorer"/>, built once per factory and shared by its series (the state codec treats them as configuration).</summary>
/// <param name="Alpha">Level smoothing.</param>
/// <param name="Beta">Trend smoothing.</param>
/// <param name="Phi">Trend damping per step.</param>
/// <param name="ScaleRate">EW rate of the mean absolute residual.</param>
internal sealed record HoltSettings(double Alpha = 0.3, double Beta = 0.02, double Phi = 0.9, double ScaleRate = 0.01);
