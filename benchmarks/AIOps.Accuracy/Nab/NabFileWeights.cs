namespace AIOps.Accuracy.Nab;

/// <summary>What a detection at each row of one file is worth, and which window (or -1) it falls in.</summary>
internal sealed record NabFileWeights(double[] Weights, int[] WindowOf, int WindowCount, int Probation, NabProfile Profile)
{
    /// <summary>Score of a detector that never fires.</summary>
    public double NullScore => -WindowCount * Profile.FalseNegative;

    /// <summary>Score of a detector that fires exactly at every window's left edge.</summary>
    public double PerfectScore => WindowCount * Profile.TruePositive;
}
