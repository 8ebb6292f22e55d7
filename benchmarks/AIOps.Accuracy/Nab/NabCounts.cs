namespace AIOps.Accuracy.Nab;

/// <summary>Raw NAB score with the counts behind it.</summary>
internal readonly record struct NabCounts(double Raw, int TruePositives, int FalseNegatives, int FalsePositives)
{
    public static NabCounts operator +(NabCounts a, NabCounts b) =>
        new(a.Raw + b.Raw, a.TruePositives + b.TruePositives, a.FalseNegatives + b.FalseNegatives, a.FalsePositives + b.FalsePositives);
}
