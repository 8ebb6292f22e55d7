namespace AIOps.Correlation.Incidents;

public static class CorrelatorDefaults
{
    public const int MaxHops = 1;
    public const double MinOpenScore = 0.8;
    public const double SimilarityThreshold = 0.4;
    public const int SimilarityMembers = 32;
    public const int FlapThreshold = 2;
    public const int AnomalyMinCount = 2;
    public static readonly TimeSpan AnomalyPersist = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AnomalyCorroborationWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DependencyOnsetLag = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan CoOnsetWindow = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan ChangeLookback = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan FlapPeriod = TimeSpan.FromHours(1);
    public static readonly TimeSpan FlapQuietPeriod = TimeSpan.FromHours(1);
    public static readonly TimeSpan InhibitionTtl = TimeSpan.FromHours(1);
    public static readonly TimeSpan EdgeTtl = TimeSpan.FromHours(1);
    public static readonly TimeSpan EdgeExpiryInterval = TimeSpan.FromMinutes(1);
}
