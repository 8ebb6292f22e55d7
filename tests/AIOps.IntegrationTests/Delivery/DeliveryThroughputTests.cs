using System.Diagnostics;
using AIOps.Core.Model;
using AIOps.Influx;
using AIOps.IntegrationTests.Support;
using AIOps.Server.Delivery;
using AIOps.Server.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AIOps.IntegrationTests.Delivery;

/// <summary>
/// Measures what benchmarks/RESULTS.md "Delivery" reports (points/s into a real influxd, the cost of an enqueue on
/// the engine's thread, spill and replay rates). Asserts only correctness; the numbers go to the test output.
/// </summary>
public sealed class DeliveryThroughputTests(ITestOutputHelper output) : IDisposable
{
    private const int Points = 100_000;
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("aiops-throughput-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task InfluxThroughput_DirectAndBuffered_AllPointsStored()
    {
        using var server = await InfluxServer.StartAsync();
        var signals = Enumerable.Range(0, Points).Select(DeliveryData.Signal).ToArray();

        // Direct: InfluxSink batches of 500 awaited one after another.
        using (var direct = new InfluxSink(new InfluxOptions { Url = server.WriteUrl, Bucket = "direct" }))
        {
            await server.QueryAsync("CREATE DATABASE direct");
            var clock = Stopwatch.StartNew();
            foreach (var chunk in signals.Chunk(500))
            {
                await direct.WriteSignalsAsync(chunk, CancellationToken.None);
            }

            Report("direct InfluxSink, batches of 500", clock.Elapsed, Points);
        }

        // Buffered: the production wiring; the engine's thread only enqueues. A buffer larger than the burst keeps
        // everything in memory; a smaller one overflows to the spill file (then newer items queue behind it on disk).
        foreach (var (capacity, database) in new[] { (200_000, "roomy"), (10_000, "overflow") })
        {
            await server.QueryAsync($"CREATE DATABASE {database}");
            var options = new EngineOptions
            {
                DataDirectory = Path.Combine(_data.FullName, database),
                Influx = { Url = server.WriteUrl, Bucket = database, BatchSize = 500, FlushInterval = TimeSpan.FromMilliseconds(10) },
                Delivery = { BufferCapacity = capacity },
            };
            await using var sinks = DeliverySinks.Create(options, "http://engine", TimeProvider.System, NullLoggerFactory.Instance);
            var sut = Assert.Single(sinks.SignalSinks);
            var status = sinks.Statuses.Single(s => s.Name == "influx-signals");
            var total = Stopwatch.StartNew();
            var enqueue = Stopwatch.StartNew();
            foreach (var signal in signals)
            {
                await sut.PublishAsync(signal, CancellationToken.None);
            }

            enqueue.Stop();
            Assert.True(await status.WaitIdleAsync(TimeSpan.FromMinutes(2)), status.Counts.ToString());
            Report($"ResilientSink(buffer {capacity}) -> InfluxSink (batch 500), first enqueue to all stored", total.Elapsed, Points);
            output.WriteLine($"  enqueue on the engine thread: {enqueue.Elapsed.TotalMilliseconds * 1e6 / Points:F0} ns/signal; {status.Counts}");

            var rows = await server.QueryAsync($"SELECT count(score) FROM \"{database}\".\"autogen\".aiops_signal");
            Assert.Equal(Points, rows[0][1].GetInt64());
            Assert.Equal(0, status.Counts.Dropped);
        }
    }

    [Fact]
    public async Task SpillAndReplay_InfluxDown_RatesAndNothingLost()
    {
        using var server = await InfluxServer.StartAsync();
        var options = new EngineOptions
        {
            DataDirectory = _data.FullName,
            Influx = { Url = server.WriteUrl, Bucket = InfluxServer.Database, BatchSize = 500, FlushInterval = TimeSpan.FromMilliseconds(10) },
            Delivery = { BufferCapacity = 1_000, RetryBaseDelay = TimeSpan.FromMilliseconds(50), RetryMaxDelay = TimeSpan.FromMilliseconds(500), BreakDuration = TimeSpan.FromSeconds(1) },
        };
        await using var sinks = DeliverySinks.Create(options, "http://engine", TimeProvider.System, NullLoggerFactory.Instance);
        var sut = Assert.Single(sinks.SignalSinks);
        var status = sinks.Statuses.Single(s => s.Name == "influx-signals");
        const int count = 50_000;

        server.StopInflux();
        var spill = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await sut.PublishAsync(DeliveryData.Signal(i), CancellationToken.None);
        }

        spill.Stop();
        var spillFile = new FileInfo(Path.Combine(_data.FullName, "delivery", "influx-signals.spill"));
        var during = status.Counts;
        output.WriteLine($"influx down: {count} enqueued in {spill.Elapsed.TotalMilliseconds:F0} ms ({spill.Elapsed.TotalMilliseconds * 1e6 / count:F0} ns/signal), spill file {spillFile.Length / 1024} KiB ({spillFile.Length / Math.Max(1, during.Spilled)} B/signal); {during}");

        await server.StartInfluxAsync();
        var replay = Stopwatch.StartNew();
        Assert.True(await status.WaitIdleAsync(TimeSpan.FromMinutes(2)), status.Counts.ToString());
        Report("after restart: buffer + spill replayed", replay.Elapsed, count);

        Assert.Equal(count, await server.CountAsync("aiops_signal", "score"));
        Assert.Equal(0, status.Counts.Dropped);
        Assert.True(during.Spilled >= count - options.Delivery.BufferCapacity - options.Influx.BatchSize);
    }

    private void Report(string what, TimeSpan elapsed, int points) =>
        output.WriteLine($"{what}: {points} points in {elapsed.TotalMilliseconds:F0} ms = {points / elapsed.TotalSeconds:F0} points/s");
}
