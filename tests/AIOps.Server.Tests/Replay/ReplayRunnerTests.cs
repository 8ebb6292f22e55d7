using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Pipeline;
using AIOps.Core.Ports;
using AIOps.Server.Composition;
using AIOps.Server.Options;
using AIOps.Server.Replay;
using AIOps.Server.Storage;

namespace AIOps.Server.Tests.Replay;

public sealed class ReplayRunnerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    // A dump as `kcat -C -e -t metrics -t events` writes a backlog: every metric first, then every event.
    private static string ByTopicDump() => string.Join('\n',
        Line("metrics", 0, T0),
        Line("metrics", 1, T0.AddMinutes(1)),
        Line("metrics", 2, T0.AddMinutes(2)),
        Line("events", 0, T0.AddSeconds(30)),
        Line("events", 1, T0.AddSeconds(90)),
        "not an envelope");

    private static string Line(string topic, long offset, DateTimeOffset ts) =>
        KcatEnvelope.Format(topic, 0, offset, ts, null, $"{topic}-{offset}");

    [Fact]
    public async Task RunAsync_EventTime_InterleavesTopicsByTimestamp()
    {
        var (processor, decoder, deadLetters) = Pipeline();

        var result = await ReplayRunner.RunAsync(new StringReader(ByTopicDump()), processor, deadLetters, null, CancellationToken.None);

        Assert.Equal(["metrics-0", "events-0", "metrics-1", "events-1", "metrics-2"], decoder.Seen);
        Assert.Equal(5, result.Messages);
        Assert.Equal(1, result.BadEnvelopes);
        Assert.Single(deadLetters.Letters);
    }

    [Fact]
    public async Task RunAsync_FileOrder_KeepsTheDumpAsWritten()
    {
        var (processor, decoder, deadLetters) = Pipeline();

        await ReplayRunner.RunAsync(new StringReader(ByTopicDump()), processor, deadLetters, null, CancellationToken.None, ReplayOrder.File);

        Assert.Equal(["metrics-0", "metrics-1", "metrics-2", "events-0", "events-1"], decoder.Seen);
    }

    [Fact]
    public async Task RunAsync_EventTime_SameSecondKeepsFileOrder()
    {
        // Sub-second order across topics means nothing; an ordered dump must replay exactly as written.
        var dump = string.Join('\n', Line("metrics", 0, T0.AddMilliseconds(900)), Line("logs", 0, T0.AddMilliseconds(100)), Line("metrics", 1, T0.AddSeconds(1)));
        var (processor, decoder, deadLetters) = Pipeline();

        await ReplayRunner.RunAsync(new StringReader(dump), processor, deadLetters, null, CancellationToken.None);

        Assert.Equal(["metrics-0", "logs-0", "metrics-1"], decoder.Seen);
    }

    private static (MessageProcessor Processor, RecordingDecoder Decoder, MemoryDeadLetterSink DeadLetters) Pipeline()
    {
        var deadLetters = new MemoryDeadLetterSink();
        var composition = EngineComposition.Create(new EngineOptions(), TimeProvider.System, new MemoryIncidentStore(), deadLetters);
        var decoder = new RecordingDecoder();
        return (new MessageProcessor(decoder, composition.Engine, deadLetters), decoder, deadLetters);
    }

    /// <summary>Records which payloads arrived, in order; decodes nothing.</summary>
    private sealed class RecordingDecoder : ITelemetryDecoder
    {
        public List<string> Seen { get; } = [];

        public string Format => "recording";

        public DecodeResult Decode(in InboundMessage message, ICollection<TelemetryRecord> output)
        {
            Seen.Add(Encoding.UTF8.GetString(message.Payload.Span));
            return DecodeResult.Ok(Format, 0);
        }
    }
}
