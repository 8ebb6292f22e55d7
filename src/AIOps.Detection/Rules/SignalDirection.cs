namespace AIOps.Detection.Rules;

/// <summary>Which deviations may raise a signal: latency and errors only matter when they go up.</summary>
public enum SignalDirection
{
    Both,
    Up,
    Down,
}
