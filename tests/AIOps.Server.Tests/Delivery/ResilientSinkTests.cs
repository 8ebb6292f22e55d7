using System.Text.Json;
using AIOps.Server.Delivery;
using AIOps.Server.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Server.Tests.Delivery;

public sealed class ResilientSinkTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aiops-delivery-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Enqueue_ReceiverFailsTwice_DeliveredOnceWithRetriesCounted()
    {
        var receiver = new TestReceiver();
        receiver.FailNext(2);
        await using var sut = Create(receiver, Options());

        sut.Enqueue(new TestItem(1));

        Assert.True(await sut.WaitIdleAsync(Wait));
        Assert.Equal([1], receiver.Accepted);
        var counts = sut.Counts;
        Assert.Equal(1, counts.Delivered);
        Assert.Equal(2, counts.Retried);
        Assert.Equal(0, counts.Dropped);
    }

    [Fact]
    public async Task Enqueue_ReceiverTimesOut_TimeoutIsRetriedLikeAFailure()
    {
        var receiver = new TestReceiver { Failure = _ => new TaskCanceledException("HttpClient.Timeout elapsed") };
        receiver.FailNext(2);
        await using var sut = Create(receiver, Options());

        sut.Enqueue(new TestItem(1));

        Assert.True(await sut.WaitIdleAsync(Wait));
        Assert.Equal([1], receiver.Accepted);
        Assert.Equal(2, sut.Counts.Retried);
        Assert.Equal(0, sut.Counts.Failures);
    }

    [Fact]
    public async Task Enqueue_Delivered_CountersAreEmittedOnTheDeliveryMeter()
    {
        var measured = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "AIOps.Delivery")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "sink", Value: "meter-test" })
                {
                    measured.AddOrUpdate(instrument.Name, value, (_, v) => v + value);
                }
            }
        });
        listener.Start();
        var receiver = new TestReceiver();
        receiver.FailNext(1);
        await using var sut = new ResilientSink<TestItem>("meter-test", receiver.DeliverAsync, Options(), _dir.FullName, JsonSerializerOptions.Web, TimeProvider.System, NullLogger.Instance);

        sut.Enqueue(new TestItem(1));
        Assert.True(await sut.WaitIdleAsync(Wait));
        listener.RecordObservableInstruments();

        Assert.Equal(1, measured.GetValueOrDefault("aiops.delivery.queued"));
        Assert.Equal(1, measured.GetValueOrDefault("aiops.delivery.delivered"));
        Assert.Equal(1, measured.GetValueOrDefault("aiops.delivery.retried"));
        Assert.True(measured.ContainsKey("aiops.delivery.buffered"));
    }

    [Fact]
    public async Task Enqueue_BufferFull_SpillsAndReplaysEverythingInOrder()
    {
        var receiver = new TestReceiver { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var options = Options();
        options.BufferCapacity = 4;
        await using var sut = Create(receiver, options);

        for (var i = 0; i < 50; i++)
        {
            Assert.True(sut.Enqueue(new TestItem(i)));
        }

        var blocked = sut.Counts;
        receiver.Gate.SetResult();

        Assert.True(await sut.WaitIdleAsync(Wait));
        Assert.True(blocked.Spilled >= 45, $"spilled {blocked.Spilled}");
        Assert.Equal(Enumerable.Range(0, 50), receiver.Accepted);
        Assert.Equal(50, sut.Counts.Delivered);
    }

    [Fact]
    public async Task Enqueue_SpillFileFull_DropsAreCountedAndEverythingIsAccountedFor()
    {
        var receiver = new TestReceiver { Down = true };
        var options = Options();
        options.BufferCapacity = 2;
        options.SpillMaxBytes = 100; // about 10 lines of {"n":12}
        await using var sut = Create(receiver, options);

        var accepted = 0;
        for (var i = 0; i < 40; i++)
        {
            accepted += sut.Enqueue(new TestItem(i)) ? 1 : 0;
        }

        var counts = sut.Counts;
        Assert.True(counts.Dropped > 0);
        Assert.Equal(40 - accepted, counts.Dropped);
        Assert.Equal(counts.Queued, counts.Delivered + counts.Dropped + counts.InBuffer + counts.InSpill);

        receiver.Down = false;
        Assert.True(await sut.WaitIdleAsync(Wait));
        Assert.Equal(accepted, receiver.Accepted.Count);
        Assert.Equal(receiver.Accepted.Order(), receiver.Accepted);
    }

    [Fact]
    public async Task DisposeAsync_ReceiverDown_LeftoversAreDeliveredFirstByTheNextInstance()
    {
        var down = new TestReceiver { Down = true };
        var options = Options();
        options.BufferCapacity = 5;
        var sut = Create(down, options);
        for (var i = 0; i < 12; i++)
        {
            sut.Enqueue(new TestItem(i));
        }

        await sut.DisposeAsync();
        Assert.Empty(down.Accepted);
        Assert.Equal(0, sut.Counts.Dropped);

        var up = new TestReceiver();
        await using var next = Create(up, options);
        next.Enqueue(new TestItem(12));

        Assert.True(await next.WaitIdleAsync(Wait));
        Assert.Equal(Enumerable.Range(0, 13), up.Accepted);
    }

    [Fact]
    public async Task Enqueue_ReceiverRejectsPermanently_ItemIsDroppedAndTheNextOneDelivered()
    {
        var receiver = new TestReceiver { Failure = n => new PermanentDeliveryException("bad request " + n) };
        receiver.FailNext(1);
        await using var sut = Create(receiver, Options());

        sut.Enqueue(new TestItem(1));
        sut.Enqueue(new TestItem(2));

        Assert.True(await sut.WaitIdleAsync(Wait));
        Assert.Equal([2], receiver.Accepted);
        Assert.Equal(1, sut.Counts.Dropped);
        Assert.Equal(0, sut.Counts.Retried);
    }

    [Fact]
    public async Task Enqueue_ReceiverStaysDown_CircuitOpensAndCallsSlowDown()
    {
        var receiver = new TestReceiver { Down = true };
        var options = Options();
        options.BreakDuration = TimeSpan.FromSeconds(30);
        await using var sut = Create(receiver, options);

        sut.Enqueue(new TestItem(1));

        // Wait for the sampled failures (slow on a loaded machine), then give the retries time to hammer if they could.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (receiver.Calls < options.MinimumThroughput && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        await Task.Delay(TimeSpan.FromMilliseconds(600));

        // Without the breaker the retries would call every few ms; with it the receiver sees only the sampled failures.
        Assert.InRange(receiver.Calls, options.MinimumThroughput, options.MinimumThroughput + 2);
        Assert.Equal(1, sut.Counts.InBuffer);
    }

    [Fact]
    public async Task Enqueue_Batches_AreDeliveredUpToBatchSize()
    {
        var receiver = new TestReceiver { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var sut = Create(receiver, Options(), batchSize: 10);

        for (var i = 0; i < 35; i++)
        {
            sut.Enqueue(new TestItem(i));
        }

        receiver.Gate.SetResult();

        Assert.True(await sut.WaitIdleAsync(Wait));
        Assert.Equal(Enumerable.Range(0, 35), receiver.Accepted);
        Assert.InRange(receiver.Calls, 4, 6);
    }

    private static DeliveryOptions Options() => new()
    {
        BufferCapacity = 100,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryAttempts = 3,
        BreakDuration = TimeSpan.FromMilliseconds(500),
        MinimumThroughput = 3,
        SamplingDuration = TimeSpan.FromSeconds(5),
        ShutdownGrace = TimeSpan.FromMilliseconds(200),
    };

    private ResilientSink<TestItem> Create(TestReceiver receiver, DeliveryOptions options, int batchSize = 1) =>
        new("test", receiver.DeliverAsync, options, _dir.FullName, JsonSerializerOptions.Web, TimeProvider.System, NullLogger.Instance, batchSize);
}
