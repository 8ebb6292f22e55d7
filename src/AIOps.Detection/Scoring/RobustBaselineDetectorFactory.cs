namespace AIOps.Detection.Scoring;

/// <summary>The foundation's default: one robust median/MAD baseline per series.</summary>
public sealed class RobustBaselineDetectorFactory : ISeriesDetectorFactory
{
    public ISeriesDetector Create(string metricName) => new RobustBaselineDetector();
}
