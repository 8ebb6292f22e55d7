using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest;
using AIOps.Ingest.Influx;
using BenchmarkDotNet.Attributes;

namespace AIOps.Benchmarks.Ingest;

/// <summary>
/// Decode + normalize of the end-to-end harness's lines (~118 B, 3 fields, 800 series): MetricPoints with their
/// labels and resource, and each point's SeriesId (the stable hash detection keys series by). Lines/s = lines per
/// operation / mean; points are 3 per line.
/// </summary>
[MemoryDiagnoser]
public class InfluxNormalizeBenchmarks
{
    private const int BatchLines = 1000;
    private readonly InfluxLineProtocolDecoder _decoder = new();
    private readonly ITelemetryDecoder _router = DecoderCatalog.CreateRouter(new Dictionary<string, string>(), TimeProvider.System);
    private readonly List<TelemetryRecord> _output = new(4096);
    private InboundMessage[] _single = [];
    private InboundMessage _batch;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds() * 1_000_000L;
        _single = [.. Enumerable.Range(0, BatchLines).Select(i => Message(InfluxLines.Line(i, start)))];
        _batch = Message(string.Join('\n', Enumerable.Range(0, BatchLines).Select(i => InfluxLines.Line(i, start))));
    }

    /// <summary>What the end-to-end harness does per Kafka message: one line, auto-detected, plus SeriesIds.</summary>
    [Benchmark(Baseline = true, Description = "router auto, 1 line + SeriesId")]
    public ulong OneLineViaRouter()
    {
        var message = _single[_next++ % BatchLines];
        return Normalize(_router, message);
    }

    [Benchmark(Description = "influx decoder, 1000 lines + SeriesId", OperationsPerInvoke = BatchLines)]
    public ulong ThousandLines() => Normalize(_decoder, _batch);

    private ulong Normalize(ITelemetryDecoder decoder, in InboundMessage message)
    {
        _output.Clear();
        decoder.Decode(message, _output);
        ulong checksum = 0;
        foreach (var record in _output)
        {
            checksum ^= ((MetricPoint)record).SeriesId.Value;
        }

        return checksum;
    }

    private static InboundMessage Message(string payload) =>
        new("telemetry.metrics", 0, 0, Encoding.UTF8.GetBytes(payload), InboundMessage.NoHeaders, DateTimeOffset.UtcNow);
}
