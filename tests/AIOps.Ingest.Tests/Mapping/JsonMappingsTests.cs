using AIOps.Ingest.Mapping;

namespace AIOps.Ingest.Tests.Mapping;

public sealed class JsonMappingsTests : IDisposable
{
    private readonly string _rules = Directory.CreateTempSubdirectory("aiops-mappings-").FullName;

    public void Dispose() => Directory.Delete(_rules, recursive: true);

    [Fact]
    public void LoadDirectory_ShippedRules_LoadsEveryMappingWithoutProblems()
    {
        var sut = JsonMappings.LoadDirectory(ShippedMappings.RulesDirectory, out var errors);

        Assert.Empty(errors);
        Assert.Equal([ShippedMappings.CloudWatch, ShippedMappings.GcpLogging, ShippedMappings.Zabbix], sut.Select(d => d.Format));
    }

    [Fact]
    public void LoadDirectory_NoMappingsFolder_ReturnsNothing()
    {
        var sut = JsonMappings.LoadDirectory(_rules, out var errors);

        Assert.Empty(sut);
        Assert.Empty(errors);
    }

    [Fact]
    public void LoadDirectory_DuplicateAndBuiltInNames_AreProblemsAndOnlyTheFirstLoads()
    {
        Write("a.yaml", "name: my-logs\nkind: log\nlog: {message: m}\n");
        Write("b.yaml", "name: my-logs\nkind: log\nlog: {message: text}\n");
        Write("c.yaml", "name: syslog\nkind: log\nlog: {message: m}\n");

        var sut = JsonMappings.LoadDirectory(_rules, out var errors);

        Assert.Equal(["my-logs"], sut.Select(d => d.Format));
        Assert.Contains(errors, e => e.File.EndsWith("b.yaml", StringComparison.Ordinal) && e.Message.Contains("already defined", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith("c.yaml", StringComparison.Ordinal) && e.Message.Contains("built-in format", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadOrThrow_InvalidFile_ThrowsWithFileAndLine()
    {
        Write("bad.yaml", "name: x\nkind: nope\n");

        var error = Assert.Throws<InvalidDataException>(() => JsonMappings.LoadOrThrow(_rules));

        Assert.Contains("bad.yaml:2:", error.Message, StringComparison.Ordinal);
    }

    private void Write(string file, string yaml)
    {
        Directory.CreateDirectory(Path.Combine(_rules, JsonMappings.DirectoryName));
        File.WriteAllText(Path.Combine(_rules, JsonMappings.DirectoryName, file), yaml);
    }
}
