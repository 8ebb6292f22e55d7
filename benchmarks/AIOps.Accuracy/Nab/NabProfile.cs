namespace AIOps.Accuracy.Nab;

/// <summary>NAB application profile: weights of a true positive, a missed window and a false positive.</summary>
internal sealed record NabProfile(string Name, double TruePositive, double FalseNegative, double FalsePositive)
{
    public static readonly NabProfile Standard = new("standard", 1.0, 1.0, 0.11);
    public static readonly NabProfile RewardLowFalsePositives = new("reward_low_FP_rate", 1.0, 1.0, 0.22);
    public static readonly NabProfile RewardLowFalseNegatives = new("reward_low_FN_rate", 1.0, 2.0, 0.11);

    public static IReadOnlyList<NabProfile> All { get; } = [Standard, RewardLowFalsePositives, RewardLowFalseNegatives];
}
