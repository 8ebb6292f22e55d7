using AIOps.Detection.Batch;

namespace AIOps.Detection.Tests.Batch;

public sealed class DetectCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "aiops-detect-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string WriteSeries(string relative, int rows, double spikeAt = -1)
    {
        var path = Path.Combine(_root, "in", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var values = SeriesBuilder.Noise(rows, 10, 1);
        var lines = new List<string> { "timestamp,value" };
        for (var i = 0; i < rows; i++)
        {
            lines.Add($"{SeriesBuilder.At(i):yyyy-MM-dd HH:mm:ss},{(i == (int)spikeAt ? 60 : values[i]).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Run_Folder_MirrorsTreeAndAppendsScores()
    {
        WriteSeries("a/one.csv", 300, spikeAt: 250);
        WriteSeries("b/c/two.csv", 50);

        var written = DetectCommand.Run(Path.Combine(_root, "in"), Path.Combine(_root, "out"));

        Assert.Equal(2, written);
        var one = File.ReadAllLines(Path.Combine(_root, "out", "a", "one.csv"));
        Assert.Equal("timestamp,value,anomaly_score", one[0]);
        Assert.Equal(301, one.Length);
        Assert.True(double.Parse(one[251].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture) >= 0.5);
        Assert.True(File.Exists(Path.Combine(_root, "out", "b", "c", "two.csv")));
    }

    [Fact]
    public void Run_SingleFile_WritesOutputFile()
    {
        var input = WriteSeries("x.csv", 20);
        var output = Path.Combine(_root, "x-scored.csv");

        Assert.Equal(1, DetectCommand.Run(input, output));
        Assert.Equal(21, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void Run_MissingInput_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => DetectCommand.Run(Path.Combine(_root, "missing"), _root));
    }
}
