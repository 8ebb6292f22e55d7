using AIOps.Accuracy.Loghub;
using AIOps.Ingest.Templates;

namespace AIOps.Accuracy.Tests.Loghub;

public sealed class LoghubBenchmarkTests
{
    [Fact]
    public void Evaluate_TwoClearEvents_GroupsEveryLineRight()
    {
        var dataset = new LoghubDataset(
            "Demo",
            ["Accepted password for alice from 10.0.0.1 port 22 ssh2", "disk /dev/sda1 is 91% full",
             "Accepted password for bob from 10.0.0.2 port 23 ssh2", "disk /dev/sdb1 is 12% full"],
            ["E1", "E2", "E1", "E2"]);

        var (accuracy, templates, _) = LoghubBenchmark.Evaluate(dataset, new LogTemplateMinerOptions());

        Assert.Equal(1.0, accuracy);
        Assert.Equal(2, templates);
    }

    [Fact]
    public void Run_MissingDataDirectory_ReturnsOne()
    {
        Assert.Equal(1, LoghubBenchmark.Run(["--data", Path.Combine(Path.GetTempPath(), "no-such-loghub-dir")]));
    }

    [Fact]
    public void Run_UnknownOption_ReturnsUsageCode()
    {
        Assert.Equal(2, LoghubBenchmark.Run(["--bogus"]));
    }
}
