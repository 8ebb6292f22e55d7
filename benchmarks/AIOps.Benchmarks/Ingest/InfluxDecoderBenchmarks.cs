using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest;
using AIOps.Ingest.Influx;
using BenchmarkDotNet.Attributes;

namespace AIOps.Benchmarks.Ingest;

/// <summary>
/// Influx line protocol decode cost per message, as Telegraf sends it: one line, and a 100-line batch
/// (cpu per core, 5 fields each, so 500 points). Lines/s = lines per message / mean time.
/// </summary>
[MemoryDiagnoser]
public class InfluxDecoderBenchmarks
{
    private readonly InfluxLineProtocolDecoder _decoder = new();
    private readonly ITelemetryDecoder _router = DecoderCatalog.CreateRouter(new Dictionary<string, string>(), TimeProvider.System);
    private readonly List<TelemetryRecord> _output = new(1024);
    private InboundMessage _oneLine;
    private InboundMessage _hundredLines;

    [GlobalSetup]
    public void Setup()
    {
        _oneLine = Message(Lines(1));
        _hundredLines = Message(Lines(100));
    }

    [Benchmark(Baseline = true, Description = "influx 1 line (5 fields)")]
    public int OneLine() => Decode(_decoder, _oneLine);

    [Benchmark(Description = "influx 100 lines (500 fields)")]
    public int HundredLines() => Decode(_decoder, _hundredLines);

    /// <summary>The same batch through the router on an auto topic: format detection plus the timestamp guard.</summary>
    [Benchmark(Description = "router auto, influx 100 lines")]
    public int HundredLinesViaRouter() => Decode(_router, _hundredLines);

    private int Decode(ITelemetryDecoder decoder, in InboundMessage message)
    {
        _output.Clear();
        return decoder.Decode(message, _output).Records;
    }

    private static string Lines(int count)
    {
        var text = new StringBuilder();
        const long Start = 1_795_795_200_000_000_000;
        for (var i = 0; i < count; i++)
        {
            text.Append("cpu,cpu=cpu").Append(i % 8).Append(",host=web-0").Append(i % 3).Append(",region=eu-west-1 ")
                .Append("usage_idle=").Append(97.46835443037975 - i * 0.01)
                .Append(",usage_iowait=0.25316455696202533,usage_system=0.7594936708860759,usage_user=1.518987341772152,usage_guest=0i ")
                .Append(Start + (i / 8) * 10_000_000_000L).Append('\n');
        }

        return text.ToString();
    }

    private static InboundMessage Message(string payload) =>
        new("telemetry.metrics", 0, 0, Encoding.UTF8.GetBytes(payload), InboundMessage.NoHeaders, new DateTimeOffset(2026, 11, 27, 16, 1, 0, TimeSpan.Zero));
}
