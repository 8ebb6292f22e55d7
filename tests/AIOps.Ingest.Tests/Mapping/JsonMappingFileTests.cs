using AIOps.Ingest.Mapping;

namespace AIOps.Ingest.Tests.Mapping;

public sealed class JsonMappingFileTests
{
    [Fact]
    public void Parse_CompleteEventMapping_ReadsEverySection()
    {
        const string Yaml = """
            name: ticket-events
            kind: event
            match:
              exists: [ticket_id]
              equals: {source: tracker}
            records: items
            timestamp: {field: created, format: unix_s}
            entity:
              service.name: [svc, app]
              host.name: host
            labels: [team]
            event:
              title: [summary, subject]
              status: state
              firing: [open]
              resolved: [closed, done]
              severity: priority
              severity_map: {P1: critical, P3: warning}
              fingerprint: ticket_id
              source: tracker
              kind: info
            """;
        var errors = new List<MappingError>();

        var sut = JsonMappingFile.Parse(Yaml, "ticket.yaml", errors);

        Assert.Empty(errors);
        Assert.NotNull(sut);
        Assert.Equal("ticket-events", sut.Name);
        Assert.Equal(MappingKind.Event, sut.Kind);
        Assert.Equal([new FieldCondition("ticket_id", null), new FieldCondition("source", "tracker")], sut.Match);
        Assert.Equal("items", sut.Records?.Text);
        Assert.Equal("created", sut.Timestamp.Field?.Text);
        Assert.Equal(["service.name", "host.name"], sut.Entity.Select(e => e.Attribute));
        Assert.Equal(["svc", "app"], sut.Entity[0].Paths.Select(p => p.Text));
        Assert.Equal(["summary", "subject"], sut.Event!.Title.Select(p => p.Text));
        Assert.Contains("DONE", sut.Event.Resolved);
        Assert.Equal(AIOps.Core.Model.EventKind.Info, sut.Event.Kind);
    }

    [Theory]
    [InlineData("name: x\nkind: metric\nmetric: {name: m, value: v}\nextra: 1\n", 4, "unknown key 'extra'")]
    [InlineData("name: x\nkind: gauge\n", 2, "kind 'gauge' is not one of metric, log, event")]
    [InlineData("name: x\nkind: log\n", 1, "kind log needs a 'log:' section")]
    [InlineData("name: x\nkind: log\nlog: {message: m}\nmetric: {name: m, value: v}\n", 4, "section 'metric:' does not apply to kind log")]
    [InlineData("name: Bad_Name\nkind: log\nlog: {message: m}\n", 1, "must be lower-case letters")]
    [InlineData("name: x\nkind: log\nlog: {message: m}\nentity:\n  service: svc\n", 5, "entity attribute 'service' is not one of")]
    [InlineData("name: x\nkind: log\nlog: {message: m}\ntimestamp: {field: t, format: unix_weeks}\n", 4, "timestamp format 'unix_weeks'")]
    [InlineData("name: x\nkind: log\nlog:\n  message: m\n  severity: s\n  severity_map: {E: loud}\n", 6, "severity_map value 'loud' is not a severity")]
    [InlineData("name: x\nkind: metric\nmetric: {value: v}\n", 3, "exactly one of name:")]
    [InlineData("name: x\nkind: metric\nmetric: {name: m}\n", 3, "exactly one of value:")]
    [InlineData("name: x\nkind: event\nevent: {title: t, status: s}\n", 3, "needs firing: [words] and resolved: [words]")]
    [InlineData("name: x\nkind: log\nlog: {message: m}\nmatch: {exists: [a.b]}\n", 4, "match tests top-level fields only")]
    [InlineData("name: x\nkind: log\nlog: {message: 'a b'}\n", 3, "must be a field path")]
    [InlineData("name: x\nkind: log\nlog: {message: [m}\n", 3, "")]
    public void Parse_InvalidFile_ReportsTheProblemWithItsLine(string yaml, int line, string message)
    {
        var errors = new List<MappingError>();

        var sut = JsonMappingFile.Parse(yaml, "bad.yaml", errors);

        Assert.Null(sut);
        var error = Assert.Single(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal("bad.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"bad.yaml:{line}:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllAtOnce()
    {
        var errors = new List<MappingError>();

        JsonMappingFile.Parse("kind: metric\nmetric: {name: m}\ncolour: red\n", "bad.yaml", errors);

        Assert.True(errors.Count >= 3, string.Join("; ", errors));
    }
}
