namespace AIOps.Detection.Scoring;

/// <summary>
/// A streaming, causal detector for one series: each call sees only the points up to and including this one.
/// Implementations keep O(window) state and must tolerate NaN, gaps, constant series and huge values.
/// </summary>
public interface ISeriesDetector
{
    AnomalyScore Update(DateTimeOffset timestamp, double value);
}
