namespace AIOps.Accuracy.Nab;

/// <summary>Raw score and its normalisation bounds for a set of files.</summary>
internal readonly record struct NabCategoryResult(NabCounts Counts, double Null, double Perfect)
{
    /// <summary>100 * (raw - null) / (perfect - null); NaN when there is no window (nothing to normalise against).</summary>
    public double Normalized => Perfect - Null > 0 ? 100.0 * (Counts.Raw - Null) / (Perfect - Null) : double.NaN;

    public static NabCategoryResult operator +(NabCategoryResult a, NabCategoryResult b) =>
        new(a.Counts + b.Counts, a.Null + b.Null, a.Perfect + b.Perfect);
}

internal sealed record NabProfileResult(NabProfile Profile, double Threshold, NabCategoryResult Total, SortedDictionary<string, NabCategoryResult> Categories);

internal sealed record NabReport(IReadOnlyList<NabProfileResult> Profiles)
{
    public double Score(string profile) => Profiles.First(p => p.Profile.Name == profile).Total.Normalized;

    public void Print(TextWriter output)
    {
        output.WriteLine("| profile | score | threshold | raw | TP | FN | FP |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var p in Profiles)
        {
            var c = p.Total.Counts;
            output.WriteLine($"| {p.Profile.Name} | {p.Total.Normalized:F1} | {p.Threshold:G6} | {c.Raw:F2} | {c.TruePositives} | {c.FalseNegatives} | {c.FalsePositives} |");
        }

        output.WriteLine();
        output.WriteLine("| category | " + string.Join(" | ", Profiles.Select(p => p.Profile.Name)) + " |");
        output.WriteLine("|---|" + string.Concat(Profiles.Select(_ => "---:|")));
        foreach (var category in Profiles[0].Categories.Keys)
        {
            var cells = Profiles.Select(p =>
            {
                var r = p.Categories[category];
                return double.IsNaN(r.Normalized) ? $"raw {r.Counts.Raw:F2} ({r.Counts.FalsePositives} FP)" : $"{r.Normalized:F1}";
            });
            output.WriteLine($"| {category} | {string.Join(" | ", cells)} |");
        }
    }
}
