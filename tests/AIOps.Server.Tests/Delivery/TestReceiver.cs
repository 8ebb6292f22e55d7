using System.Collections.Concurrent;

namespace AIOps.Server.Tests.Delivery;

/// <summary>A receiver that records what it accepted and can fail or block on demand.</summary>
internal sealed class TestReceiver
{
    private readonly ConcurrentQueue<int> _accepted = new();
    private int _failuresLeft;
    private int _calls;

    public volatile bool Down;

    public TaskCompletionSource Gate { get; set; } = CompletedGate();

    public Func<int, Exception>? Failure { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<int> Accepted => [.. _accepted];

    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public async ValueTask DeliverAsync(IReadOnlyList<TestItem> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await Gate.Task.WaitAsync(cancellationToken);
        if (Down || Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw Failure?.Invoke(batch[0].N) ?? new HttpRequestException("receiver down");
        }

        foreach (var item in batch)
        {
            _accepted.Enqueue(item.N);
        }
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}

internal sealed record TestItem(int N);
