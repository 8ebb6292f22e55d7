namespace AIOps.Accuracy.Correlation;

/// <summary>
/// One scenario's numbers. <see cref="Compression"/> is over <see cref="RawInput"/> (alert and anomaly signals as
/// received, resolutions excluded: the original definition); <see cref="NotificationCompression"/> is over
/// <see cref="Notifications"/> (those plus every resolved alert notification). <see cref="CriticalNoisePages"/>: noise
/// events that are critical alerts, each a real page that deserves an incident of its own.
/// </summary>
internal sealed record ScenarioScore(
    string Scenario,
    int Faults,
    int NoiseEvents,
    int RawInput,
    int DistinctSignals,
    int Incidents,
    double Compression,
    int Notifications,
    double NotificationCompression,
    PairCounts FaultPairs,
    PairCounts AllPairs,
    IReadOnlyDictionary<string, int> IncidentsPerFault,
    int FaultSignals,
    int FaultSignalsInIncidents,
    int Unlabelled,
    int CriticalNoisePages = 0);

/// <summary>Pairwise "same incident" agreement: true/false positives and false negatives over signal pairs.</summary>
internal readonly record struct PairCounts(long TruePositives, long FalsePositives, long FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PairCounts operator +(PairCounts a, PairCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    /// <summary>Counts over every pair of items: same truth class vs same predicted cluster.</summary>
    public static PairCounts Of(IReadOnlyList<(string Truth, string Predicted)> items)
    {
        long tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                var sameTruth = items[i].Truth == items[j].Truth;
                var samePredicted = items[i].Predicted == items[j].Predicted;
                if (sameTruth && samePredicted)
                {
                    tp++;
                }
                else if (samePredicted)
                {
                    fp++;
                }
                else if (sameTruth)
                {
                    fn++;
                }
            }
        }

        return new PairCounts(tp, fp, fn);
    }
}
