namespace AIOps.Correlation.Incidents;

public static class CorrelatorDefaults
{
    public const int MaxHops = 1;
    public const double MinOpenScore = 0.8;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan ChangeLookback = TimeSpan.FromMinutes(30);
}
