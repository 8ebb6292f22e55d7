namespace AIOps.Accuracy.Rca;

/// <summary>AC@k = share of cases whose true cause is in the top k; Avg@5 = mean of AC@1..AC@5.</summary>
internal readonly record struct RcaScore(int Cases, double Ac1, double Ac3, double Ac5, double Avg5)
{
    /// <summary>Scores 1-based ranks of the true cause per case (0 or less: the cause was not ranked at all).</summary>
    public static RcaScore FromRanks(IReadOnlyList<int> ranks)
    {
        if (ranks.Count == 0)
        {
            return new RcaScore(0, 0, 0, 0, 0);
        }

        var ac = new double[6];
        for (var k = 1; k <= 5; k++)
        {
            var hits = 0;
            foreach (var rank in ranks)
            {
                if (rank >= 1 && rank <= k)
                {
                    hits++;
                }
            }

            ac[k] = hits / (double)ranks.Count;
        }

        return new RcaScore(ranks.Count, ac[1], ac[3], ac[5], (ac[1] + ac[2] + ac[3] + ac[4] + ac[5]) / 5);
    }

    /// <summary>1-based position of <paramref name="truth"/> in <paramref name="ranking"/>, 0 when absent.</summary>
    public static int RankOf(IReadOnlyList<string> ranking, string truth)
    {
        for (var i = 0; i < ranking.Count; i++)
        {
            if (string.Equals(ranking[i], truth, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
