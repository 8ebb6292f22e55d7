using System.Diagnostics;
using AIOps.Core.Model;
using AIOps.IntegrationTests.Support;
using AIOps.Server.Delivery;
using AIOps.Server.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AIOps.IntegrationTests.Delivery;

/// <summary>
/// influxd is killed mid-stream and restarted while the engine keeps publishing signals through the production
/// wiring (DeliverySinks: InfluxSink behind a ResilientSink). Every point must arrive or be counted as dropped.
/// </summary>
public sealed class InfluxOutageTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("aiops-outage-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task PublishAsync_InfluxDownMidStream_EveryPointArrivesOnceAfterRestart()
    {
        using var server = await InfluxServer.StartAsync();
        var options = Options(server, bufferCapacity: 500, spillMaxBytes: 64L * 1024 * 1024);
        var sinks = DeliverySinks.Create(options, "http://127.0.0.1:8080", TimeProvider.System, NullLoggerFactory.Instance);
        await using var _ = sinks;
        var sut = Assert.Single(sinks.SignalSinks);
        var status = (ResilientSink<Signal>)sinks.Statuses.Single(s => s.Name == "influx-signals");
        const int total = 6000;

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            if (i == 2000)
            {
                server.StopInflux();
            }

            if (i == 5000)
            {
                await server.StartInfluxAsync();
            }

            await sut.PublishAsync(DeliveryData.Signal(i), CancellationToken.None);
            if (i % 100 == 0)
            {
                await Task.Delay(10); // a live stream, not one burst: the outage falls in the middle of it
            }
        }

        var enqueued = clock.Elapsed;
        Assert.True(await status.WaitIdleAsync(TimeSpan.FromSeconds(90)), $"not drained: {status.Counts}");
        var counts = status.Counts;
        output.WriteLine($"{counts} enqueue {enqueued.TotalMilliseconds:F0} ms, drained after {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(total, counts.Queued);
        Assert.Equal(0, counts.Dropped);
        Assert.True(counts.Spilled > 0, "the outage should have overflowed the 500-item buffer");
        Assert.True(counts.Failures > 0);
        Assert.Equal(total, counts.Delivered);
        Assert.Equal(total, await server.CountAsync("aiops_signal", "score"));
    }

    [Fact]
    public async Task PublishAsync_OutageLongerThanSpillBound_LossIsCountedExactly()
    {
        using var server = await InfluxServer.StartAsync();
        var options = Options(server, bufferCapacity: 100, spillMaxBytes: 100 * 1024);
        var sinks = DeliverySinks.Create(options, "http://127.0.0.1:8080", TimeProvider.System, NullLoggerFactory.Instance);
        await using var _ = sinks;
        var sut = Assert.Single(sinks.SignalSinks);
        var status = (ResilientSink<Signal>)sinks.Statuses.Single(s => s.Name == "influx-signals");
        const int total = 3000;

        server.StopInflux();
        for (var i = 0; i < total; i++)
        {
            await sut.PublishAsync(DeliveryData.Signal(i), CancellationToken.None);
        }

        var during = status.Counts;
        await server.StartInfluxAsync();
        Assert.True(await status.WaitIdleAsync(TimeSpan.FromSeconds(90)), $"not drained: {status.Counts}");
        var counts = status.Counts;
        output.WriteLine($"during outage {during}; after {counts}");

        Assert.True(counts.Dropped > 0);
        Assert.Equal(total, counts.Delivered + counts.Dropped);
        Assert.Equal(counts.Delivered, await server.CountAsync("aiops_signal", "score"));
    }

    private EngineOptions Options(InfluxServer server, int bufferCapacity, long spillMaxBytes) => new()
    {
        DataDirectory = _data.FullName,
        Influx = { Url = server.WriteUrl, Bucket = InfluxServer.Database, BatchSize = 200, FlushInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(5) },
        Delivery =
        {
            BufferCapacity = bufferCapacity,
            SpillMaxBytes = spillMaxBytes,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            RetryMaxDelay = TimeSpan.FromMilliseconds(500),
            MaxRetryAttempts = 3,
            BreakDuration = TimeSpan.FromSeconds(1),
            MinimumThroughput = 3,
            SamplingDuration = TimeSpan.FromSeconds(5),
        },
    };
}
