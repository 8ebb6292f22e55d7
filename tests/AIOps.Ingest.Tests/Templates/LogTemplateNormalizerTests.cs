using AIOps.Core.Model;
using AIOps.Ingest.Templates;

namespace AIOps.Ingest.Tests.Templates;

public sealed class LogTemplateNormalizerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Normalize_StampsTemplateAndNovelty_LeavesOtherRecordsAlone()
    {
        var sut = new LogTemplateNormalizer();
        var metric = MetricPoint.Create("m", LabelSet.Empty, T0, 1);
        var records = new List<TelemetryRecord> { Log("Connected to 10.0.0.1 in 35 ms"), metric, Log("Connected to 10.0.0.9 in 12 ms") };

        sut.Normalize(records);

        var first = (LogRecord)records[0];
        var second = (LogRecord)records[2];
        Assert.True(first.NewTemplate);
        Assert.False(second.NewTemplate);
        Assert.Equal(first.TemplateId, second.TemplateId);
        Assert.Contains("<*>", second.Template, StringComparison.Ordinal);
        Assert.Same(metric, records[1]);
    }

    [Fact]
    public void SaveThenLoad_KeepsTemplatesKnown()
    {
        var path = Path.Combine(Path.GetTempPath(), $"templates-{Guid.NewGuid():N}.json");
        try
        {
            var before = new LogTemplateNormalizer();
            var records = new List<TelemetryRecord> { Log("Disk /dev/sda1 is full") };
            before.Normalize(records);
            before.Save(path);

            var sut = new LogTemplateNormalizer();
            sut.Load(path);
            var again = new List<TelemetryRecord> { Log("Disk /dev/sdb2 is full") };
            sut.Normalize(again);

            Assert.False(((LogRecord)again[0]).NewTemplate);
            Assert.Equal(((LogRecord)records[0]).TemplateId, ((LogRecord)again[0]).TemplateId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static LogRecord Log(string body) => new() { Timestamp = T0, Resource = new Resource("api"), Severity = Severity.Error, Body = body };
}
