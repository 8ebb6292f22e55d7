using AIOps.Kafka.Consuming;

namespace AIOps.Kafka.Tests.Consuming;

public sealed class OrderedWorkerTests
{
    [Fact]
    public void Post_ManyItems_RunInOrderOnOneOtherThread()
    {
        var seen = new List<(int Item, int Thread)>();
        using (var sut = new OrderedWorker("test", 4, CancellationToken.None))
        {
            for (var i = 0; i < 100; i++)
            {
                var item = i;
                Assert.True(sut.Post(() => seen.Add((item, Environment.CurrentManagedThreadId))));
            }

            sut.Complete();
            sut.ThrowIfFailed();
        }

        Assert.Equal(Enumerable.Range(0, 100), seen.Select(s => s.Item));
        Assert.Single(seen.Select(s => s.Thread).Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, seen[0].Thread);
    }

    [Fact]
    public void RunAndWait_AfterPostedItems_RunsAfterThemAndReturnsTrue()
    {
        var order = new List<string>();
        using var sut = new OrderedWorker("test", 4, CancellationToken.None);
        sut.Post(() =>
        {
            Thread.Sleep(50);
            order.Add("batch");
        });

        var ran = sut.RunAndWait(() => order.Add("barrier"));

        Assert.True(ran);
        Assert.Equal(["batch", "barrier"], order);
    }

    [Fact]
    public void Post_ItemThrows_StopsRethrowsAndRefusesMoreWork()
    {
        using var sut = new OrderedWorker("test", 4, CancellationToken.None);
        sut.Post(() => throw new InvalidDataException("boom"));

        Assert.True(sut.Stopped.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)));
        Assert.False(sut.Post(() => { }));
        Assert.False(sut.RunAndWait(() => { }));
        var error = Assert.Throws<InvalidDataException>(sut.ThrowIfFailed);
        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public void Cancel_WhileItemRuns_StopsWithoutFailureAfterThatItem()
    {
        using var cancel = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        var ranAfter = false;
        using var sut = new OrderedWorker("test", 4, cancel.Token);
        sut.Post(() =>
        {
            started.Set();
            Thread.Sleep(100);
        });
        sut.Post(() => ranAfter = true);
        started.Wait();

        cancel.Cancel();
        var ran = sut.RunAndWait(() => ranAfter = true); // waits until the running item ended

        Assert.False(ran);
        Assert.False(ranAfter);
        sut.ThrowIfFailed();
    }
}
