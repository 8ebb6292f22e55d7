using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest;
using AIOps.Ingest.Templates;
using AIOps.Server.Replay;

namespace AIOps.Server.Decode;

/// <summary>
/// `aiops decode`: one message per input line (raw, or a kcat -J envelope) through the same decoders and log
/// template mining as the engine, one canonical JSON record per output line; failures are `dlq` lines and the
/// run goes on.
/// </summary>
public static class DecodeRunner
{
    private const string Topic = "decode";

    /// <param name="mappings">JSON mapping decoders (rules/mappings) usable as <paramref name="format"/> and by auto detection.</param>
    public static async Task<DecodeSummary> RunAsync(
        TextReader input,
        Stream output,
        string format,
        bool kcatEnvelope,
        TimeProvider time,
        CancellationToken cancellationToken,
        IEnumerable<ITelemetryDecoder>? mappings = null)
    {
        var router = DecoderCatalog.CreateRouter(new Dictionary<string, string> { [Topic] = format }, time, extraDecoders: mappings);
        var templates = new LogTemplateNormalizer();
        var writer = new CanonicalRecordWriter(output);
        var records = new List<TelemetryRecord>();
        long messages = 0, decoded = 0, failed = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            messages++;
            var payload = Encoding.UTF8.GetBytes(line);
            InboundMessage message;
            if (kcatEnvelope)
            {
                if (!KcatEnvelope.TryParse(line, out var envelope, out var error))
                {
                    failed++;
                    writer.WriteDeadLetter(error!, payload);
                    continue;
                }

                message = envelope with { Topic = Topic };
            }
            else
            {
                message = new InboundMessage(Topic, 0, messages - 1, payload, InboundMessage.NoHeaders, time.GetUtcNow());
            }

            records.Clear();
            var result = router.Decode(message, records);
            if (!result.Success)
            {
                failed++;
                writer.WriteDeadLetter(result.Error ?? "undecodable", message.Payload.Span);
                continue;
            }

            templates.Normalize(records);
            foreach (var record in records)
            {
                writer.Write(record);
                decoded++;
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new DecodeSummary(messages, decoded, failed);
    }
}

/// <summary>Counts of one decode run.</summary>
public readonly record struct DecodeSummary(long Messages, long Records, long DeadLetters);
