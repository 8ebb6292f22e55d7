using AIOps.Detection.Scoring;

namespace AIOps.Detection;

/// <summary>
/// The detector the engine uses for every metric series: the best ensemble found on NAB
/// (<see cref="DetectorCatalog.DefaultSpec"/>). Score is in [0,1]; 0.5 is the threshold NAB found best for the standard
/// and low-false-positive profiles (about 0.3 for the low-false-negative profile).
/// </summary>
public sealed class DefaultDetectorFactory : ISeriesDetectorFactory
{
    private readonly ISeriesDetectorFactory _inner = DetectorCatalog.CreateDefault();

    public ISeriesDetector Create(string metricName) => _inner.Create(metricName);
}
