using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace AIOps.Kafka.Consuming;

/// <summary>
/// One thread that runs posted work items in order, so the consumer thread can receive the next batch while
/// the previous one is handled. The first exception stops it (kept for <see cref="ThrowIfFailed"/>); so does
/// cancellation of the token it was started with. <see cref="Stopped"/> is cancelled once it stopped for any reason,
/// so nobody waits on it forever.
/// </summary>
internal sealed class OrderedWorker : IDisposable
{
    private readonly BlockingCollection<Action> _queue;
    private readonly CancellationTokenSource _stopped;
    private readonly CancellationToken _cancellation;
    private readonly ManualResetEventSlim _exited = new();
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _error;

    public OrderedWorker(string name, int capacity, CancellationToken cancellationToken)
    {
        _queue = new BlockingCollection<Action>(capacity);
        _cancellation = cancellationToken;
        _stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Cancelled when the worker stopped (failed, completed or cancelled).</summary>
    public CancellationToken Stopped => _stopped.Token;

    /// <summary>Queues <paramref name="work"/>; false if the worker stopped (waits while the queue is full).</summary>
    public bool Post(Action work)
    {
        try
        {
            _queue.Add(work, _stopped.Token);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> after everything posted before it and waits for it; false if the worker stopped
    /// before running it (then the caller may do the work itself: the worker no longer touches shared state).
    /// </summary>
    public bool RunAndWait(Action work)
    {
        using var done = new ManualResetEventSlim();
        var ran = false;
        if (!Post(() =>
            {
                work();
                ran = true;
                done.Set();
            }))
        {
            // Stopped, or stopping (cancelled while a work item still runs): wait until it no longer runs any.
            _exited.Wait();
            return false;
        }

        WaitHandle.WaitAny([done.WaitHandle, _exited.WaitHandle]);
        if (!Volatile.Read(ref ran))
        {
            _exited.Wait();
            return false;
        }

        return true;
    }

    /// <summary>Rethrows the exception that stopped the worker, if one did.</summary>
    public void ThrowIfFailed() => Volatile.Read(ref _error)?.Throw();

    /// <summary>Stops taking work, lets the queued items run (unless cancelled) and waits for the thread to end.</summary>
    public void Complete()
    {
        _queue.CompleteAdding();
        _thread.Join();
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            Complete();
        }

        _queue.Dispose();
        _stopped.Dispose();
        _exited.Dispose();
    }

    private void Run()
    {
        try
        {
            foreach (var work in _queue.GetConsumingEnumerable(_cancellation))
            {
                work();
            }
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // Stopped by the owner's cancellation: not a failure.
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _error, ExceptionDispatchInfo.Capture(ex));
        }
        finally
        {
            _exited.Set();
            _stopped.Cancel();
        }
    }
}
