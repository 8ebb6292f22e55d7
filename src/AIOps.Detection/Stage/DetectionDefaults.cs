namespace AIOps.Detection.Stage;

public static class DetectionDefaults
{
    public const double SignalThreshold = 0.8;
    public const int CalmPointsToEnd = 3;
    public const int MaxSeries = 1_000_000;
    public static readonly TimeSpan RepeatInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LogBucket = TimeSpan.FromMinutes(1);
}
