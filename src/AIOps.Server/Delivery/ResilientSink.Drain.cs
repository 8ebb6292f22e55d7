using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace AIOps.Server.Delivery;

/// <summary>The background half: memory first (older), then the spill file, each batch until it is accepted.</summary>
public sealed partial class ResilientSink<T>
{
    private async Task DrainAsync()
    {
        var token = _stop.Token;
        var lines = new List<byte[]>();
        try
        {
            while (!token.IsCancellationRequested)
            {
                var batch = new List<T>(_batchSize);
                if (TakeFromMemory(batch))
                {
                    if (batch.Count < _batchSize && _linger > TimeSpan.Zero)
                    {
                        Volatile.Write(ref _inFlight, batch);
                        await Task.Delay(_linger, _time, token).ConfigureAwait(false);
                        TakeFromMemory(batch);
                    }

                    Volatile.Write(ref _inFlight, batch);
                    await DeliverAsync(batch, token).ConfigureAwait(false);
                    Volatile.Write(ref _inFlight, null);
                    continue;
                }

                if (Volatile.Read(ref _spillPending) == 1)
                {
                    await DeliverSpilledAsync(batch, lines, token).ConfigureAwait(false);
                    continue;
                }

                if (!await _channel.Reader.WaitToReadAsync(token).ConfigureAwait(false) && Volatile.Read(ref _spillPending) == 0)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private bool TakeFromMemory(List<T> batch)
    {
        while (batch.Count < _batchSize && _channel.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        return batch.Count > 0;
    }

    private async Task DeliverSpilledAsync(List<T> batch, List<byte[]> lines, CancellationToken token)
    {
        lines.Clear();
        long position;
        lock (_spillLock)
        {
            if (_spill.Pending == 0)
            {
                Volatile.Write(ref _spillPending, 0);
                return;
            }

            position = _spill.Peek(_batchSize, lines);
        }

        var unreadable = 0;
        foreach (var line in lines)
        {
            try
            {
                batch.Add(JsonSerializer.Deserialize<T>(line, _json) ?? throw new JsonException("null item"));
            }
            catch (JsonException)
            {
                unreadable++;
            }
        }

        if (batch.Count > 0)
        {
            await DeliverAsync(batch, token).ConfigureAwait(false);
        }

        if (unreadable > 0)
        {
            Drop(unreadable, "unreadable line in the spill file");
        }

        lock (_spillLock)
        {
            _spill.Commit(lines.Count, position);
            if (_spill.Pending == 0)
            {
                Volatile.Write(ref _spillPending, 0);
            }
        }
    }

    private async Task DeliverAsync(List<T> batch, CancellationToken token)
    {
        while (true)
        {
            try
            {
                await _pipeline.ExecuteAsync(
                    static (state, ct) => state.Self._deliver(state.Batch, ct),
                    (Self: this, Batch: (IReadOnlyList<T>)batch),
                    token).ConfigureAwait(false);
                Count(ref _delivered, batch.Count, DeliveryMetrics.Delivered);
                if (_failing)
                {
                    _failing = false;
                    _logger.LogInformation("delivery {Sink}: receiver accepts again", Name);
                }

                return;
            }
            catch (PermanentDeliveryException ex)
            {
                Drop(batch.Count, "rejected by the receiver: " + ex.Message);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                Count(ref _failures, 1, DeliveryMetrics.Failures);
                if (!_failing)
                {
                    _failing = true;
                    _logger.LogWarning("delivery {Sink}: receiver failing ({Error}); items wait in the buffer and spill file", Name, ex.Message);
                }

                await Task.Delay(WaitAfterFailure(ex), _time, token).ConfigureAwait(false);
            }
        }
    }
}
