using AIOps.Core.Pipeline;
using AIOps.Core.Ports;

namespace AIOps.Server.Replay;

/// <summary>
/// Runs a kcat -J dump through the same pipeline the Kafka loop feeds, without a broker: how users backtest
/// and how tests feed scenarios. A line that is not an envelope is dead-lettered like an undecodable message.
/// </summary>
public static class ReplayRunner
{
    private static readonly long SecondTicks = TimeSpan.TicksPerSecond;

    public static async Task<ReplayResult> RunAsync(TextReader input, MessageProcessor processor, IDeadLetterSink deadLetters, IProgress<long>? progress, CancellationToken cancellationToken, ReplayOrder order = ReplayOrder.EventTime)
    {
        var counts = new Counts();
        if (order == ReplayOrder.File)
        {
            await foreach (var message in ReadAsync(input, deadLetters, counts, cancellationToken).ConfigureAwait(false))
            {
                await ProcessAsync(message, processor, progress, counts, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            // Buffer, then a stable sort on the second: file order survives wherever the dump was already in time order.
            var buffered = new List<(long Second, InboundMessage Message)>();
            var second = long.MinValue;
            await foreach (var message in ReadAsync(input, deadLetters, counts, cancellationToken).ConfigureAwait(false))
            {
                second = message.Timestamp is { } ts ? ts.UtcTicks / SecondTicks : second; // no timestamp: stays beside the message before it
                buffered.Add((second, message));
            }

            foreach (var (_, message) in buffered.OrderBy(m => m.Second))
            {
                await ProcessAsync(message, processor, progress, counts, cancellationToken).ConfigureAwait(false);
            }
        }

        progress?.Report(counts.Messages);
        return new ReplayResult(counts.Messages, counts.Records, counts.Dead, counts.BadEnvelopes);
    }

    private static async IAsyncEnumerable<InboundMessage> ReadAsync(TextReader input, IDeadLetterSink deadLetters, Counts counts, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 0L;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!KcatEnvelope.TryParse(line, out var message, out var error))
            {
                counts.BadEnvelopes++;
                var raw = new InboundMessage("replay", 0, lineNumber, System.Text.Encoding.UTF8.GetBytes(line), InboundMessage.NoHeaders);
                await deadLetters.DeadLetterAsync(raw, $"line {lineNumber}: {error}", cancellationToken).ConfigureAwait(false);
                continue;
            }

            yield return message;
        }
    }

    private static async Task ProcessAsync(InboundMessage message, MessageProcessor processor, IProgress<long>? progress, Counts counts, CancellationToken cancellationToken)
    {
        counts.Messages++;
        var result = await processor.ProcessAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.Success)
        {
            counts.Records += result.Records;
        }
        else
        {
            counts.Dead++;
        }

        if (counts.Messages % 1000 == 0)
        {
            progress?.Report(counts.Messages);
        }
    }

    private sealed class Counts
    {
        public long Messages { get; set; }

        public long Records { get; set; }

        public long Dead { get; set; }

        public long BadEnvelopes { get; set; }
    }
}
