using System.Text.Json;
using System.Threading.Channels;
using AIOps.Server.Options;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace AIOps.Server.Delivery;

/// <summary>
/// Puts a bounded buffer and a retry/circuit-breaker pipeline in front of a slow or failing receiver, so the
/// engine's hot path only enqueues. Order of resort when the receiver cannot keep up: memory buffer, then an
/// append-only spill file (replayed in order when the receiver recovers, and after a restart), then a counted,
/// logged drop. A failing batch is never discarded for being transient: it waits and is tried again.
/// </summary>
/// <typeparam name="T">The item (incident version, signal); serialized as JSON when spilled.</typeparam>
public sealed partial class ResilientSink<T> : IDeliveryStatus, IAsyncDisposable
    where T : class
{
    private readonly Func<IReadOnlyList<T>, CancellationToken, ValueTask> _deliver;
    private readonly DeliveryOptions _options;
    private readonly int _batchSize;
    private readonly TimeSpan _linger;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JsonSerializerOptions _json;
    private readonly Channel<T> _channel;
    private readonly SpillFile _spill;
    private readonly Lock _spillLock = new();
    private readonly ResiliencePipeline _pipeline;
    private readonly CancellationTokenSource _stop = new();
    private readonly KeyValuePair<string, object?> _tag;
    private readonly Task _drainer;
    private long _queued;
    private long _delivered;
    private long _retried;
    private long _spilled;
    private long _dropped;
    private long _failures;
    private int _spillPending;
    private List<T>? _inFlight;
    private bool _failing;

    /// <param name="name">Names the spill file and the <c>sink</c> tag; unique per receiver.</param>
    /// <param name="deliver">Delivers a batch; returns once accepted, throws otherwise
    /// (<see cref="PermanentDeliveryException"/> when retrying cannot help).</param>
    /// <param name="batchSize">Most items per delivery; 1 for receivers where a partly failed batch would be re-sent.</param>
    /// <param name="linger">How long a partial batch waits for more items.</param>
    public ResilientSink(
        string name,
        Func<IReadOnlyList<T>, CancellationToken, ValueTask> deliver,
        DeliveryOptions options,
        string spillDirectory,
        JsonSerializerOptions json,
        TimeProvider time,
        ILogger logger,
        int batchSize = 1,
        TimeSpan linger = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(deliver);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Name = name;
        _deliver = deliver;
        _options = options;
        _batchSize = batchSize;
        _linger = linger;
        _time = time;
        _logger = logger;
        _json = json;
        _tag = DeliveryMetrics.Tag(name);
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(options.BufferCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: the item goes to the spill file instead
        });
        _spill = new SpillFile(spillDirectory, SafeFileName(name), options.SpillMaxBytes);
        if (_spill.Pending > 0)
        {
            _spillPending = 1;
            _logger.LogInformation("delivery {Sink}: replaying {Count} spilled items from {File}", name, _spill.Pending, _spill.FilePath);
        }

        _pipeline = DeliveryPipeline.Build(name, options, time, logger, OnRetry);
        DeliveryMetrics.Register(this);
        _drainer = Task.Run(DrainAsync);
    }

    public string Name { get; }

    public DeliveryCounts Counts
    {
        get
        {
            long inSpill;
            lock (_spillLock)
            {
                inSpill = _spill.Pending;
            }

            return new DeliveryCounts(
                Interlocked.Read(ref _queued),
                Interlocked.Read(ref _delivered),
                Interlocked.Read(ref _retried),
                Interlocked.Read(ref _spilled),
                Interlocked.Read(ref _dropped),
                Interlocked.Read(ref _failures),
                _channel.Reader.Count + (Volatile.Read(ref _inFlight)?.Count ?? 0),
                inSpill);
        }
    }

    /// <summary>
    /// Hands an item over without waiting for the receiver. False when it had to be dropped (spill file full);
    /// the drop is counted and logged.
    /// </summary>
    public bool Enqueue(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Count(ref _queued, 1, DeliveryMetrics.Queued);

        // Fast path: nothing spilled, room in memory. Once something is spilled, newer items queue behind it.
        if (Volatile.Read(ref _spillPending) == 0 && _channel.Writer.TryWrite(item))
        {
            return true;
        }

        lock (_spillLock)
        {
            if (_spill.Pending == 0 && _channel.Writer.TryWrite(item))
            {
                return true;
            }

            if (_spill.TryAppend(JsonSerializer.SerializeToUtf8Bytes(item, _json)))
            {
                Volatile.Write(ref _spillPending, 1);
                Count(ref _spilled, 1, DeliveryMetrics.Spilled);
                return true;
            }
        }

        Drop(1, "buffer and spill file are full");
        return false;
    }

    /// <summary>Waits until everything accepted so far was delivered or dropped (tests, orderly shutdown).</summary>
    public async Task<bool> WaitIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            var counts = Counts;
            if (counts.InBuffer == 0 && counts.InSpill == 0 && counts.Delivered + counts.Dropped >= counts.Queued)
            {
                return true;
            }

            if (_time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops accepting into memory, lets the drainer deliver for the grace period, then writes what is still in
    /// memory to the front of the spill file, so the next start delivers it first.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        var grace = Task.Delay(_options.ShutdownGrace, _time);
        await Task.WhenAny(_drainer, grace).ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _drainer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        var leftovers = new List<byte[]>();
        foreach (var item in _inFlight ?? [])
        {
            leftovers.Add(JsonSerializer.SerializeToUtf8Bytes(item, _json));
        }

        while (_channel.Reader.TryRead(out var item))
        {
            leftovers.Add(JsonSerializer.SerializeToUtf8Bytes(item, _json));
        }

        _inFlight = null;
        if (leftovers.Count > 0)
        {
            int kept;
            lock (_spillLock)
            {
                kept = _spill.Prepend(leftovers);
            }

            Count(ref _spilled, kept, DeliveryMetrics.Spilled);
            _logger.LogInformation("delivery {Sink}: {Count} undelivered items saved to the spill file at shutdown", Name, kept);
            if (kept < leftovers.Count)
            {
                Drop(leftovers.Count - kept, "spill file full at shutdown");
            }
        }

        DeliveryMetrics.Unregister(this);
        _spill.Dispose();
        _stop.Dispose();
    }

    private static string SafeFileName(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] is not '-' and not '_' and not '.')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    private void OnRetry() => Count(ref _retried, 1, DeliveryMetrics.Retried);

    private void Count(ref long field, long by, System.Diagnostics.Metrics.Counter<long> counter)
    {
        if (by == 0)
        {
            return;
        }

        Interlocked.Add(ref field, by);
        counter.Add(by, _tag);
    }

    private void Drop(long count, string reason)
    {
        var before = Interlocked.Read(ref _dropped);
        Count(ref _dropped, count, DeliveryMetrics.Dropped);

        // Log the first drop of a run and then at every power of ten, so an outage cannot flood the log.
        var after = before + count;
        if (before == 0 || Math.Floor(Math.Log10(after)) > Math.Floor(Math.Log10(Math.Max(before, 1))))
        {
            _logger.LogError("delivery {Sink}: dropped {Count} items ({Total} in total): {Reason}", Name, count, after, reason);
        }
    }

    private TimeSpan WaitAfterFailure(Exception ex) =>
        ex is BrokenCircuitException { RetryAfter: { } after } && after > TimeSpan.Zero ? after : _options.RetryMaxDelay;
}
