using AIOps.Core.Pipeline;
using AIOps.Core.Ports;

namespace AIOps.Server.Replay;

/// <summary>
/// Runs a kcat -J dump through the same pipeline the Kafka loop feeds, without a broker: how users backtest
/// and how tests feed scenarios. A line that is not an envelope is dead-lettered like an undecodable message.
/// </summary>
public static class ReplayRunner
{
    public static async Task<ReplayResult> RunAsync(TextReader input, MessageProcessor processor, IDeadLetterSink deadLetters, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        long messages = 0, records = 0, dead = 0, badEnvelopes = 0;
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
                badEnvelopes++;
                var raw = new InboundMessage("replay", 0, lineNumber, System.Text.Encoding.UTF8.GetBytes(line), InboundMessage.NoHeaders);
                await deadLetters.DeadLetterAsync(raw, $"line {lineNumber}: {error}", cancellationToken).ConfigureAwait(false);
                continue;
            }

            messages++;
            var result = await processor.ProcessAsync(message, cancellationToken).ConfigureAwait(false);
            if (result.Success)
            {
                records += result.Records;
            }
            else
            {
                dead++;
            }

            if (messages % 1000 == 0)
            {
                progress?.Report(messages);
            }
        }

        progress?.Report(messages);
        return new ReplayResult(messages, records, dead, badEnvelopes);
    }
}
