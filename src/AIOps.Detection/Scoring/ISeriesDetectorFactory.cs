namespace AIOps.Detection.Scoring;

/// <summary>Creates the detector for a new series (the metric name lets configuration pick per metric).</summary>
public interface ISeriesDetectorFactory
{
    ISeriesDetector Create(string metricName);
}
