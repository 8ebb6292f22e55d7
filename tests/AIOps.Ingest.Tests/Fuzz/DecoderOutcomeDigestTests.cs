using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Alertmanager;
using AIOps.Ingest.Logs;

namespace AIOps.Ingest.Tests.Fuzz;

/// <summary>
/// Golden master for the two highest-volume document formats reworked for allocation (json-log now on
/// Utf8JsonReader, Alertmanager's label building): every outcome (records and reasons) on a seeded corpus of
/// generated, truncated and mutated messages, hashed. The digests were taken from the decoders as they were at commit
/// 4ae3482; a change here is a change of what reaches the engine or the dead letters.
/// </summary>
public sealed class DecoderOutcomeDigestTests
{
    private const string JsonLogDigest = "84647A78ABEE1A77121456644846A16258339771F4EA5D6EB34B0F20CF898B27";
    private const string AlertmanagerDigest = "9C72CAA85E14EB58788DF470242D4144E396AB5DA61133446672C07E6D26E310";

    private static readonly string[] LogKeys =
    [
        "message", "log", "msg", "MESSAGE", "body", "level", "severity", "log.level", "PRIORITY", "time", "@timestamp", "timestamp", "ts", "date",
        "kubernetes", "labels", "pod_labels", "kind", "type", "id", "title", "summary", "source", "service", "version", "url", "description",
        "pod_name", "namespace_name", "pod_namespace", "host", "pod_node_name", "container_name", "container_image", "app",
        "mess\\u0061ge", "t\\u0069me", "kubern\\u0065tes", "k\\u00e9y", "a\\\"b", "x",
    ];

    private static readonly string[] LogValues =
    [
        "\"2026-11-27T16:00:00Z\"", "\"1795795200.5\"", "1795795200", "1795795200123", "-1", "1e400", "\"\"", "\"deploy\"", "\"Deployment\"",
        "\"change\"", "\"warn\"", "\"3\"", "\"ERROR boom\"", "true", "false", "null", "\"v\\u00e9\"", "\"\\ud800\"", "12.50", "\"payment\"", "[1,{\"a\":\"b\"}]",
    ];

    private static readonly string[] AlertKeys = ["status", "labels", "annotations", "generatorURL", "startsAt", "endsAt", "fingerprint", "st\\u0061tus", "x"];

    private static readonly string[] AlertValues =
    [
        "\"firing\"", "\"resolved\"", "\"pending\"", "\"2026-11-27T15:40:00Z\"", "\"0001-01-01T00:00:00Z\"", "1795795200", "\"\"", "\"fp1\"", "null", "7",
        "\"\\ud800\"", "\"http://g\"", "{\"alertname\":\"A\",\"severity\":\"critical\",\"a\":1,\"a\":\"2\"}", "{\"summary\":\"s\",\"receiver\":\"x\",\"o\":{}}", "[]", "{}",
    ];

    private static readonly byte[] MutationBytes = [.. "{}[]\",:\\ \n0123456789.-etfnul"u8, 0xFF, 0xC3];

    private static readonly string[] RootKeys = ["version", "alerts", "status", "receiver", "x"];
    private static readonly string[] RootValues = ["\"4\"", "4", "\"3\"", "\"firing\"", "\"resolved\"", "\"aiops\"", "null", "{}", "\"\""];

    [Fact]
    public void Decode_JsonLogCorpus_SameOutcomesAsBefore()
    {
        var random = new Random(7101);
        var generated = Enumerable.Range(0, 4000).Select(i => i % 10 == 0 ? $"[{LogObject(random, 0)},{LogObject(random, 0)}]" : i % 10 == 1 ? LogObject(random, 0) + "\n" + LogObject(random, 0) : LogObject(random, 0));

        Assert.Equal(JsonLogDigest, Digest(new JsonLogDecoder(), Corpus([Samples.FluentBitLog, Samples.VectorLog, Samples.DeployEvent], generated, random)));
    }

    [Fact]
    public void Decode_AlertmanagerCorpus_SameOutcomesAsBefore()
    {
        var random = new Random(7102);
        var generated = Enumerable.Range(0, 4000).Select(i => Webhook(random) + (i % 20 == 0 ? " // c" : i % 20 == 1 ? " x" : string.Empty));

        Assert.Equal(AlertmanagerDigest, Digest(new AlertmanagerDecoder(), Corpus([Samples.AlertmanagerFiring], generated, random)));
    }

    private static string LogObject(Random random, int depth)
    {
        var members = Enumerable.Range(0, random.Next(0, 7)).Select(_ =>
            $"\"{LogKeys[random.Next(LogKeys.Length)]}\":" + (depth < 2 && random.Next(4) == 0 ? LogObject(random, depth + 1) : LogValues[random.Next(LogValues.Length)]));
        return "{" + string.Join(",", members) + "}";
    }

    private static string Webhook(Random random)
    {
        var members = Enumerable.Range(0, random.Next(0, 6)).Select(_ =>
        {
            var key = RootKeys[random.Next(RootKeys.Length)];
            return $"\"{key}\":" + (key == "alerts" && random.Next(6) != 0
                ? "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Alert(random))) + "]"
                : RootValues[random.Next(RootValues.Length)]);
        });
        return "{" + string.Join(",", members) + "}";
    }

    private static string Alert(Random random)
    {
        if (random.Next(15) == 0)
        {
            return AlertValues[random.Next(AlertValues.Length)];
        }

        var members = Enumerable.Range(0, random.Next(0, 8)).Select(_ => $"\"{AlertKeys[random.Next(AlertKeys.Length)]}\":{AlertValues[random.Next(AlertValues.Length)]}");
        return "{" + string.Join(",", members) + "}";
    }

    // Seeds, every truncation of them, the generated messages, and byte-level mutations of all of those.
    private static List<byte[]> Corpus(string[] seeds, IEnumerable<string> generated, Random random)
    {
        var inputs = seeds.Select(Encoding.UTF8.GetBytes).ToList();
        inputs.AddRange(inputs.SelectMany(seed => Enumerable.Range(0, seed.Length).Select(length => seed[..length])).ToList());
        inputs.AddRange(generated.Select(Encoding.UTF8.GetBytes));
        var mutable = inputs.Count;
        for (var i = 0; i < 4000; i++)
        {
            var bytes = new List<byte>(inputs[random.Next(mutable)]);
            for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                var b = MutationBytes[random.Next(MutationBytes.Length)];
                switch (random.Next(3))
                {
                    case 0: bytes[at] = b; break;
                    case 1: bytes.Insert(at, b); break;
                    default: bytes.RemoveAt(at); break;
                }
            }

            inputs.Add([.. bytes]);
        }

        return inputs;
    }

    private static string Digest(ITelemetryDecoder sut, List<byte[]> inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder();
        foreach (var payload in inputs)
        {
            foreach (var timestamp in new DateTimeOffset?[] { Messages.KafkaTime, null })
            {
                var output = sut.Decode(Messages.Of(payload, timestamp: timestamp), out var result);
                text.Clear().Append(result.Success).Append('|').Append(result.Records).Append('|').Append(result.Error).Append('\n');
                foreach (var record in output)
                {
                    Render(record, text);
                }

                hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    // Culture-free and complete: every field the decoders set.
    private static void Render(TelemetryRecord record, StringBuilder text)
    {
        var r = record.Resource;
        text.Append(record.Timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(record.Timestamp.Offset.Ticks.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append($"{r.Service}|{r.Host}|{r.Pod}|{r.Namespace}|{r.Cluster}|{r.Region}|");
        switch (record)
        {
            case LogRecord log:
                text.Append($"log|{log.Severity}|{log.Body}|");
                Render(log.Attributes, text);
                break;
            case EventRecord e:
                text.Append($"event|{e.Source}|{e.Fingerprint}|{e.Status}|{e.Severity}|{e.Kind}|{e.Title}|");
                Render(e.Labels, text);
                Render(e.Annotations, text);
                break;
            default:
                throw new InvalidOperationException("unexpected record " + record.GetType().Name);
        }

        text.Append('\n');
    }

    private static void Render(LabelSet labels, StringBuilder text)
    {
        foreach (var (key, value) in labels)
        {
            text.Append(key).Append('=').Append(value).Append(';');
        }

        text.Append('|');
    }
}
