using AIOps.Detection.Scoring;

namespace AIOps.Detection;

/// <summary>
/// The detector the engine uses for every metric series: the best ensemble found on NAB
/// (<see cref="DetectorCatalog.DefaultSpec"/>). Score is in [0,1]; NAB's best corpus-wide threshold is about 0.56 for
/// all three profiles, and an output of 0.5 or more counts as an alarm for the refractory damping.
/// </summary>
public sealed class DefaultDetectorFactory : ISeriesDetectorFactory
{
    private readonly ISeriesDetectorFactory _inner = DetectorCatalog.CreateDefault();

    public ISeriesDetector Create(string metricName) => _inner.Create(metricName);
}
