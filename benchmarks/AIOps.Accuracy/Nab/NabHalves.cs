using System.Globalization;

namespace AIOps.Accuracy.Nab;

/// <summary>
/// `--halves`: a generalisation check. Splits the corpus by file index (sorted by name: even, odd), scores each half
/// on its own (its own best threshold per profile) and prints one line per half, so a change can be required to
/// gain on both halves rather than on a few files.
/// </summary>
internal static class NabHalves
{
    public static void Print(IReadOnlyList<NabFile> files, IReadOnlyList<double[]> scores, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| half | files | windows | standard | reward_low_FP_rate | reward_low_FN_rate |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var parity = 0; parity < 2; parity++)
        {
            var halfFiles = new List<NabFile>();
            var halfScores = new List<double[]>();
            for (var f = parity; f < files.Count; f += 2)
            {
                halfFiles.Add(files[f]);
                halfScores.Add(scores[f]);
            }

            var report = NabBenchmark.Evaluate(halfFiles, halfScores);
            var cells = string.Join(" | ", report.Profiles.Select(p => p.Total.Normalized.ToString("F1", CultureInfo.InvariantCulture)));
            output.WriteLine($"| {(parity == 0 ? "even" : "odd")} | {halfFiles.Count} | {halfFiles.Sum(f => f.Windows.Length)} | {cells} |");
        }
    }
}
