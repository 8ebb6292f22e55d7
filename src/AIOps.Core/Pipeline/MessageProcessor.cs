using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Core.Pipeline;

/// <summary>
/// One raw message in: decode it, then hand the records to the engine, or dead-letter it with the reason.
/// When <see cref="ProcessAsync"/> returns, everything derived from the message was handed on, so the
/// caller may store the message's offset (at-least-once).
/// </summary>
public sealed class MessageProcessor
{
    private readonly ITelemetryDecoder _decoder;
    private readonly IncidentEngine _engine;
    private readonly IDeadLetterSink _deadLetters;
    private readonly IRecordNormalizer? _normalizer;
    private readonly List<TelemetryRecord> _records = [];

    public MessageProcessor(ITelemetryDecoder decoder, IncidentEngine engine, IDeadLetterSink deadLetters, IRecordNormalizer? normalizer = null)
    {
        _decoder = decoder;
        _engine = engine;
        _deadLetters = deadLetters;
        _normalizer = normalizer;
    }

    public IncidentEngine Engine => _engine;

    public async ValueTask<DecodeResult> ProcessAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        _records.Clear();
        DecodeResult result;
        try
        {
            result = _decoder.Decode(message, _records);
        }
        catch (Exception ex)
        {
            // A decoder must not throw; if one does, the message is still accounted for.
            result = DecodeResult.Fail(_decoder.Format, $"decoder crashed: {ex.GetType().Name}: {ex.Message}");
        }

        if (!result.Success)
        {
            await _deadLetters.DeadLetterAsync(message, result.Error ?? "undecodable", cancellationToken).ConfigureAwait(false);
            return result;
        }

        _normalizer?.Normalize(_records);
        await _engine.ProcessAsync(_records, message.Topic, message.Partition, cancellationToken).ConfigureAwait(false);
        return result;
    }
}
