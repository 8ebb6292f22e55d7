using System.Text.Json;
using AIOps.RootCause.Series;

namespace AIOps.RootCause.Tests.Series;

public sealed class RcaCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aiops-rca-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_CsvAndEdges_WritesRankedJson()
    {
        var random = new Random(674386);
        var web = SyntheticSeries.Step(random, 200, 125, 100, 180, 4);
        var db = SyntheticSeries.Step(random, 200, 120, 10, 30, 1);
        var lines = new List<string> { "time,web_latency,db_latency" };
        for (var i = 0; i < 200; i++)
        {
            lines.Add(FormattableString.Invariant($"{1_700_000_000 + (i * 10)},{web[i]},{db[i]}"));
        }

        var input = Path.Combine(_dir, "metrics.csv");
        var edges = Path.Combine(_dir, "EDGES.csv");
        File.WriteAllLines(input, lines);
        File.WriteAllLines(edges, ["source,target", "web,db"]);
        var output = new StringWriter();

        var code = RcaCommand.Run(input, edges, onsetUnixSeconds: null, "_", top: 5, output);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        var candidates = json.RootElement.GetProperty("candidates");
        Assert.Equal(2, candidates.GetArrayLength());
        var first = candidates[0];
        Assert.Equal("db", first.GetProperty("entity").GetString());
        Assert.Equal("latency", first.GetProperty("indicator").GetString());
        Assert.True(first.GetProperty("score").GetDouble() > candidates[1].GetProperty("score").GetDouble());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("confidence").GetString()));
        Assert.StartsWith("db ", first.GetProperty("explanation").GetString());
        Assert.StartsWith("2023-11-14T", json.RootElement.GetProperty("onset").GetString());
    }

    [Fact]
    public void Run_TopOne_WritesOneCandidate()
    {
        var input = Path.Combine(_dir, "m.csv");
        var lines = new List<string> { "time,a_x,b_x" };
        for (var i = 0; i < 50; i++)
        {
            lines.Add(FormattableString.Invariant($"{1000 + i},{(i < 25 ? 1 : 9)},{2 + (i % 3)}"));
        }

        File.WriteAllLines(input, lines);
        var output = new StringWriter();

        RcaCommand.Run(input, null, onsetUnixSeconds: 1025, "_", top: 1, output);

        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(1, json.RootElement.GetProperty("candidates").GetArrayLength());
        Assert.Equal("a", json.RootElement.GetProperty("candidates")[0].GetProperty("entity").GetString());
    }
}
