using System.Text.Json;
using AIOps.IntegrationTests.Support;
using AIOps.Kafka.Tests.Support;
using AIOps.Server.Demo;

namespace AIOps.IntegrationTests.Pipeline;

/// <summary>The `aiops` binary as users run it: broker, serve, incidents list/show.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "aiops-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Broker_PrintsBootstrapThatKcatCanUse()
    {
        await using var broker = AiopsProcess.Start("broker", "--brokers", "2");
        var bootstrap = await broker.WaitForLineAsync(l => l.Contains(':', StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        await Kcat.RunAsync($"-b {bootstrap} -t telemetry.logs -P", "hello\nworld\n");
        var consumed = await Kcat.RunAsync($"-b {bootstrap} -t telemetry.logs -C -e -o beginning -q");

        Assert.Equal(["hello", "world"], consumed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Fact]
    public async Task Serve_WithEmbeddedBroker_ConsumesKcatTelemetryAndServesIncidents()
    {
        await using var serve = AiopsProcess.Start("serve", "--urls", AiopsProcess.AnyLoopbackPort, "--data", _data);
        var url = await serve.WaitForApiUrlAsync(TimeSpan.FromSeconds(60));
        var line = await serve.WaitForLineAsync(l => l.StartsWith("Kafka bootstrap: ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var bootstrap = line["Kafka bootstrap: ".Length..].Split(' ')[0];

        await KcatProducer.ProduceAsync(bootstrap, DemoScenario.Default(DateTimeOffset.UtcNow).Messages());

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        JsonElement incident = default;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync("/api/v1/incidents?status=open"));
            var open = page.RootElement.GetProperty("incidents").EnumerateArray().ToList();
            if (open.Count > 0 && open[0].GetProperty("rootCause").GetProperty("candidates")[0].GetProperty("entity").GetString() == DemoScenario.FaultEntity)
            {
                incident = open[0].Clone();
                break;
            }

            await Task.Delay(500);
        }

        Assert.Equal(JsonValueKind.Object, incident.ValueKind);
        var id = incident.GetProperty("id").GetString()!;
        var (exit, stdout, stderr) = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "incidents", "show", id, "--url", url);
        Assert.True(exit == 0, stderr);
        Assert.Contains($"1. {DemoScenario.FaultEntity}", stdout, StringComparison.Ordinal);

        var list = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "incidents", "list", "--url", url, "--json");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(id, list.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"ok\"", await http.GetStringAsync("/healthz"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_data, "incidents.jsonl")));
    }

    [Fact]
    public async Task Serve_SilenceCreatedThroughTheApi_MutesMatchingAlertsAndSurvivesInTheDataDirectory()
    {
        await using var serve = AiopsProcess.Start("serve", "--urls", AiopsProcess.AnyLoopbackPort, "--data", _data);
        var url = await serve.WaitForApiUrlAsync(TimeSpan.FromSeconds(60));
        var line = await serve.WaitForLineAsync(l => l.StartsWith("Kafka bootstrap: ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var bootstrap = line["Kafka bootstrap: ".Length..].Split(' ')[0];
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var now = DateTimeOffset.UtcNow;

        using var created = await http.PostAsync("/api/v1/silences", new StringContent(
            $$"""{"matchers":[{"label":"alertname","equals":"DiskFull"}],"startsAt":"{{now.AddMinutes(-10):O}}","duration":"2h","comment":"disk swap"}""",
            System.Text.Encoding.UTF8,
            "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        static string Alert(string name, string service, DateTimeOffset at) =>
            $$"""{"receiver":"aiops","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"{{name}}","service":"{{service}}","severity":"critical"},"annotations":{"summary":"{{name}} on {{service}}"},"startsAt":"{{at:O}}","endsAt":"0001-01-01T00:00:00Z","fingerprint":"{{name}}-{{service}}"}],"version":"4","groupKey":"{}"}""";
        await Kcat.RunAsync($"-b {bootstrap} -t telemetry.events -P", Alert("DiskFull", "inventory-db", now) + "\n" + Alert("HighErrorRate", "checkout", now) + "\n");

        var entities = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !entities.Contains("checkout"))
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync("/api/v1/incidents"));
            entities = [.. page.RootElement.GetProperty("incidents").EnumerateArray().SelectMany(i => i.GetProperty("entities").EnumerateArray().Select(e => e.GetString()!))];
            await Task.Delay(500);
        }

        Assert.Contains("checkout", entities);
        Assert.DoesNotContain("inventory-db", entities);
        Assert.Contains("disk swap", File.ReadAllText(Path.Combine(_data, "silences.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_KcatDump_IsDeterministicAndRanksFaultFirst()
    {
        Directory.CreateDirectory(_data);
        var dump = Path.Combine(_data, "dump.ndjson");
        var offsets = new Dictionary<string, long>();
        var lines = DemoScenario.Default(new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero)).Messages()
            .Select(m =>
            {
                var offset = offsets[m.Topic] = offsets.GetValueOrDefault(m.Topic, -1) + 1;
                return Server.Replay.KcatEnvelope.Format(m.Topic, 0, offset, m.EventTime, m.Key, m.Payload);
            })
            .Append("not an envelope");
        await File.WriteAllLinesAsync(dump, lines);

        var first = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(60), "replay", "--input", dump, "--json");
        var second = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(60), "replay", "--input", dump, "--json");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Contains("1 dead-lettered", first.Stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(first.Stdout);
        Assert.All(doc.RootElement.GetProperty("incidents").EnumerateArray(), i => Assert.False(i.TryGetProperty("mergedInto", out _)));
        Assert.All(doc.RootElement.GetProperty("merged").EnumerateArray(), i => Assert.True(i.TryGetProperty("mergedInto", out _)));
        var open = doc.RootElement.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("status").GetString() == "open");
        Assert.Equal(DemoScenario.FaultEntity, open.GetProperty("rootCause").GetProperty("candidates")[0].GetProperty("entity").GetString());
    }

    [Fact]
    public async Task LogsTemplates_WritesCsvWithSharedTemplateIds()
    {
        Directory.CreateDirectory(_data);
        var log = Path.Combine(_data, "app.log");
        await File.WriteAllLinesAsync(log, ["Connected to 10.0.0.1 in 35 ms", "Connected to 10.0.0.7 in 12 ms", "Disk /dev/sda1 is full"]);

        var (exit, stdout, stderr) = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "logs", "templates", "--input", log);

        Assert.True(exit == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToList();
        Assert.Equal("line", rows[0][0]);
        Assert.Equal(rows[1][1], rows[2][1]);
        Assert.NotEqual(rows[1][1], rows[3][1]);
    }

    [Fact]
    public async Task Rca_Json_RanksTheEntityThatShiftedFirst()
    {
        Directory.CreateDirectory(_data);
        var csv = Path.Combine(_data, "frame.csv");
        var edges = Path.Combine(_data, "edges.csv");
        var random = new Random(674386);
        var rows = new List<string> { "time,web_latency,api_latency,db_latency" };
        for (var i = 0; i < 120; i++)
        {
            var db = i >= 80 ? 50 : 5;
            var api = i >= 82 ? 60 : 20;
            var web = i >= 84 ? 90 : 40;
            rows.Add($"{1764244800 + i},{web + random.NextDouble()},{api + random.NextDouble()},{db + random.NextDouble()}");
        }

        await File.WriteAllLinesAsync(csv, rows);
        await File.WriteAllLinesAsync(edges, ["source,target", "web,api", "api,db"]);

        var (exit, stdout, stderr) = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "rca", "--input", csv, "--topology", edges, "--json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var candidates = doc.RootElement.GetProperty("candidates");
        Assert.Equal("db", candidates[0].GetProperty("entity").GetString());
        Assert.Equal(3, candidates.GetArrayLength());
        Assert.All(candidates.EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("explanation").GetString())));
    }

    [Fact]
    public async Task Detect_Folder_MirrorsTreeWithCausalScores()
    {
        var input = Path.Combine(_data, "in", "sub");
        Directory.CreateDirectory(input);
        var rows = new List<string> { "timestamp,value" };
        for (var i = 0; i < 400; i++)
        {
            rows.Add($"2026-01-01 {i / 60:00}:{i % 60:00}:00,{(i == 350 ? 500 : 10 + (i % 7))}");
        }

        await File.WriteAllLinesAsync(Path.Combine(input, "series.csv"), rows);
        var output = Path.Combine(_data, "out");

        var (exit, _, stderr) = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(60), "detect", "--input", Path.Combine(_data, "in"), "--output", output);

        Assert.True(exit == 0, stderr);
        var scored = await File.ReadAllLinesAsync(Path.Combine(output, "sub", "series.csv"));
        Assert.Equal("timestamp,value,anomaly_score", scored[0]);
        Assert.Equal(401, scored.Length);
        var scores = scored.Skip(1).Select(l => double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(350, scores.IndexOf(scores.Max()));
    }

    [Fact]
    public async Task Replay_MissingFile_ExitsWithClearError()
    {
        var (exit, _, stderr) = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "replay", "--input", "/nonexistent/dump.ndjson");

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesLintAndDecode_JsonMappingFolder_LintReportsLinesAndDecodeUsesTheMapping()
    {
        var rules = Path.Combine(_data, "rules");
        var mappings = Path.Combine(rules, "mappings");
        Directory.CreateDirectory(mappings);
        File.WriteAllText(Path.Combine(mappings, "queue.yaml"), "name: queue-stats\nkind: metric\nmatch: {exists: [queue, depth]}\ntimestamp: at\nentity: {service.name: queue}\nmetric: {name: queue_depth, value: depth}\n");
        var input = Path.Combine(_data, "in.ndjson");
        File.WriteAllText(input, """{"queue":"orders","depth":7,"at":"2026-11-27T11:59:00Z"}""" + "\n");

        var clean = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "rules", "lint", rules);
        var decoded = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "decode", "--rules", rules, "--input", input);
        File.WriteAllText(Path.Combine(mappings, "broken.yaml"), "name: broken\nkind: log\nlog:\n  message: msg\n  colour: red\n");
        var broken = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "rules", "lint", rules);

        Assert.Equal(0, clean.ExitCode);
        Assert.Equal(0, decoded.ExitCode);
        var record = JsonDocument.Parse(decoded.Stdout.Trim()).RootElement;
        Assert.Equal("queue_depth", record.GetProperty("name").GetString());
        Assert.Equal("orders", record.GetProperty("entity").GetString());
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("broken.yaml:5:3: unknown key 'colour' in log", broken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesLint_BadDetectionRules_ReportsEachProblemAtItsLine()
    {
        var rules = Path.Combine(_data, "rules");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "detection.yaml"), "metrics:\n  - match: \"*requests*\"\n    stuck: maybe\n  - match: queue\n    season: fortnightly\n");

        var (exit, _, stderr) = await AiopsProcess.RunAsync(TimeSpan.FromSeconds(30), "rules", "lint", rules);

        var detection = Path.Combine(rules, "detection.yaml");
        Assert.Equal(1, exit);
        Assert.Contains($"{detection}:3:1: stuck must be true or false, not 'maybe'", stderr, StringComparison.Ordinal);
        Assert.Contains($"{detection}:5:1: season must be", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
