using System.Text.Json;
using AIOps.Core.Topology;

namespace AIOps.RootCause.Series;

/// <summary>
/// The <c>aiops rca</c> command behind the CLI: loads a metrics CSV (and an optional call graph), ranks the entities
/// and writes <c>{"onset":...,"candidates":[{"entity","indicator","score","confidence","explanation"}]}</c>, best first,
/// one entry per entity.
/// </summary>
public static class RcaCommand
{
    public static int Run(string inputCsv, string? topologyCsv, long? onsetUnixSeconds, string separator, int top, TextWriter output)
    {
        var frame = SeriesCsvReader.Load(inputCsv, separator);
        var graph = topologyCsv is null ? null : EdgeListReader.Load(topologyCsv);
        DateTimeOffset? onset = onsetUnixSeconds is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        var result = new SeriesRootCauseAnalyzer().Analyze(frame, graph, onset);
        Write(result, top, output);
        return 0;
    }

    public static void Write(SeriesRcaResult result, int top, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            if (result.Onset is { } onset)
            {
                json.WriteString("onset", onset.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"));
            }
            else
            {
                json.WriteNull("onset");
            }

            json.WriteStartArray("candidates");
            var count = top > 0 ? Math.Min(top, result.Candidates.Count) : result.Candidates.Count;
            for (var i = 0; i < count; i++)
            {
                var candidate = result.Candidates[i];
                json.WriteStartObject();
                json.WriteString("entity", candidate.Entity);
                json.WriteString("indicator", candidate.Indicator);
                json.WriteNumber("score", candidate.Score);
                json.WriteString("confidence", candidate.Confidence.ToString().ToLowerInvariant());
                json.WriteString("explanation", candidate.Explanation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
