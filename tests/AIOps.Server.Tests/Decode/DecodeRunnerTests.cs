using System.Text;
using System.Text.Json;
using AIOps.Ingest.Mapping;
using AIOps.Server.Decode;
using AIOps.Server.Replay;
using Microsoft.Extensions.Time.Testing;

namespace AIOps.Server.Tests.Decode;

public sealed class DecodeRunnerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RunAsync_MixedLines_WritesCanonicalRecordsAndDlqLinesAndGoesOn()
    {
        const string input = """
            cpu,host=web-1 usage=0.93,idle=0.07 1764244800000000000
            garbage {
            {"log":"connection refused to db-1:5432","level":"error","kubernetes":{"pod_name":"api-7d9f8-x2k4p","namespace_name":"shop","container_name":"api"}}
            """;
        using var output = new MemoryStream();

        var summary = await DecodeRunner.RunAsync(new StringReader(input), output, "auto", kcatEnvelope: false, _time, default);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(new DecodeSummary(3, 3, 1), summary);
        Assert.Equal(["metric", "metric", "dlq", "log"], lines.Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal("web-1", lines[0].GetProperty("entity").GetString());
        Assert.Equal("cpu_usage", lines[0].GetProperty("name").GetString());
        Assert.Equal("2025-11-27T12:00:00.0000000Z", lines[0].GetProperty("timestamp").GetString());
        Assert.Equal("garbage {", lines[2].GetProperty("payload").GetString());
        Assert.False(string.IsNullOrEmpty(lines[2].GetProperty("reason").GetString()));
        Assert.Equal("error", lines[3].GetProperty("severity").GetString());
        Assert.Matches("^[0-9a-f]{16}$", lines[3].GetProperty("template_id").GetString()!);
    }

    [Fact]
    public async Task RunAsync_KcatEnvelopes_DecodesPayloadsWithForcedFormat()
    {
        var line = KcatEnvelope.Format("telemetry.metrics", 0, 0, _time.GetUtcNow(), null, "mem,host=a used=1i 1764244800000000000");
        using var output = new MemoryStream();

        var summary = await DecodeRunner.RunAsync(new StringReader(line + "\nnot an envelope\n"), output, "influx", kcatEnvelope: true, _time, default);

        Assert.Equal(new DecodeSummary(2, 1, 1), summary);
        Assert.Contains("\"name\":\"mem_used\"", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WithMappings_DecodesAMappedSourceByNameAndByAuto()
    {
        var rules = Directory.CreateTempSubdirectory("aiops-decode-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(rules, JsonMappings.DirectoryName));
            File.WriteAllText(Path.Combine(rules, JsonMappings.DirectoryName, "queue.yaml"), "name: queue-stats\nkind: metric\nmatch: {exists: [queue, depth]}\ntimestamp: at\nentity: {service.name: queue}\nmetric: {name: queue_depth, value: depth}\n");
            var mappings = JsonMappings.LoadOrThrow(rules);
            const string Input = """{"queue":"orders","depth":7,"at":"2026-11-27T11:59:00Z"}""";
            using var byAuto = new MemoryStream();
            using var byName = new MemoryStream();

            var auto = await DecodeRunner.RunAsync(new StringReader(Input), byAuto, "auto", kcatEnvelope: false, _time, default, mappings);
            var named = await DecodeRunner.RunAsync(new StringReader(Input), byName, "queue-stats", kcatEnvelope: false, _time, default, mappings);

            Assert.Equal(new DecodeSummary(1, 1, 0), auto);
            Assert.Equal(new DecodeSummary(1, 1, 0), named);
            var line = JsonDocument.Parse(Encoding.UTF8.GetString(byAuto.ToArray())).RootElement;
            Assert.Equal("queue_depth", line.GetProperty("name").GetString());
            Assert.Equal("orders", line.GetProperty("entity").GetString());
            Assert.Equal(7, line.GetProperty("value").GetDouble());
            Assert.Equal(byAuto.ToArray(), byName.ToArray());
        }
        finally
        {
            Directory.Delete(rules, recursive: true);
        }
    }
}
