using System.Diagnostics;
using System.Globalization;
using AIOps.Benchmarks.Ingest;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest;
using AIOps.Kafka;
using AIOps.Kafka.Consuming;
using AIOps.Kafka.Consuming.Native;
using AIOps.Kafka.Embedded;
using Confluent.Kafka;

namespace AIOps.Benchmarks.EndToEnd;

/// <summary>
/// End to end, in one process and one run: produce N Influx line-protocol messages into the embedded broker
/// (spread over enough partitions that its per-partition retention keeps them all), then per round
/// (a) kcat -C -e -o beginning -q raw consume of the topic, (b) floors: Confluent's Consume alone and the native
/// batch receive alone, and (c) the engine's KafkaConsumerLoop on each receive path (Consume with the old and the new
/// fetch back-off, librdkafka batches on one thread, batches pipelined into a handler thread), with a handler that
/// does nothing and with router decode + normalization (MetricPoints with their SeriesId); prints rates and ratios
/// against kcat from the same round.
/// <code>dotnet run -c Release --project benchmarks/AIOps.Benchmarks -- ingest-e2e [--messages 1000000] [--partitions 64] [--rounds 2] [--format auto]</code>
/// </summary>
internal static class IngestThroughputHarness
{
    private const string Topic = "bench.influx";

    public static int Run(string[] args)
    {
        var messages = IntOption(args, "--messages", 1_000_000);
        var partitions = IntOption(args, "--partitions", 64);
        var rounds = IntOption(args, "--rounds", 2);
        var format = StringOption(args, "--format", DecoderFormats.Auto);
        var kcat = new[] { "/usr/bin/kcat", "/usr/local/bin/kcat", "/usr/bin/kafkacat" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("kcat is not installed (apt-get install kcat)");

        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic(Topic, partitions);
        Console.WriteLine($"embedded broker {cluster.BootstrapServers}, topic {Topic} with {partitions} partitions, {Environment.ProcessorCount} cores");

        var (produced, bytes, produceTime) = Produce(cluster.BootstrapServers, messages, partitions);
        var readable = Readable(cluster.BootstrapServers, partitions);
        Console.WriteLine($"produced {produced:N0} messages ({bytes / (double)produced:F1} B each) in {produceTime.TotalSeconds:F2} s; readable {readable:N0}");
        if (readable < produced)
        {
            Console.WriteLine($"WARNING: the broker kept {readable:N0} of {produced:N0}; use more partitions");
        }

        Console.WriteLine();
        Console.WriteLine("| round | consumer | messages | wall s | msg/s (wall) | msg/s (first to last) | CPU s | msg per CPU s | points | engine/kcat (wall) | engine/kcat (first to last) |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var round = 1; round <= rounds; round++)
        {
            var harnessCpu = Environment.CpuUsage.TotalTime;
            var raw = Kcat(kcat, cluster.BootstrapServers);
            harnessCpu = Environment.CpuUsage.TotalTime - harnessCpu;
            Console.WriteLine($"| {round} | kcat -C -e -o beginning -q | {raw.Messages:N0} | {raw.Wall.TotalSeconds:F2} | {raw.Rate:N0} | {raw.SteadyRate:N0} | {raw.Cpu.TotalSeconds:F2} | {raw.CpuRate:N0} | | | |");
            var floor = ConfluentOnly(cluster.BootstrapServers, readable, partitions, native: false, fetchQueueBackoffMs: null);
            Row(round, "Confluent.Kafka Consume only (assigned, no group, no store, no mapping; librdkafka defaults)", floor, raw);
            floor = ConfluentOnly(cluster.BootstrapServers, readable, partitions, native: false, KafkaDefaults.FetchQueueBackoffMs);
            Row(round, $"Confluent.Kafka Consume only, fetch.queue.backoff.ms={KafkaDefaults.FetchQueueBackoffMs}", floor, raw);
            var nativeFloor = ConfluentOnly(cluster.BootstrapServers, readable, partitions, native: true, KafkaDefaults.FetchQueueBackoffMs);
            Row(round, $"native batch receive only (same, mapped to InboundMessage), fetch.queue.backoff.ms={KafkaDefaults.FetchQueueBackoffMs}", nativeFloor, raw);
            var paths = new[]
            {
                ("Consume path, fetch.queue.backoff.ms=1000: the loop before this change", false, false, (int?)1000),
                ("Consume path", false, false, null),
                ("batch path, one thread", true, false, null),
                ("batch path, pipelined: the default", true, true, null),
            };
            foreach (var (path, native, pipelined, backoff) in paths)
            {
                var bare = Engine(cluster.BootstrapServers, readable, format, round, decode: false, native, pipelined, backoff);
                Row(round, $"engine loop ({path}), handler does nothing", bare, raw);
                var engine = Engine(cluster.BootstrapServers, readable, format, round, decode: true, native, pipelined, backoff);
                Row(round, $"engine loop ({path}) + router ({format}) + normalize", engine, raw);
                if (engine.Failures > 0)
                {
                    Console.WriteLine($"WARNING: {engine.Failures} messages failed to decode");
                }
            }

            Console.WriteLine(
                $"| {round} | (this process while kcat ran: the embedded broker serving the fetches, and the stdout drain) | | | | | {harnessCpu.TotalSeconds:F2} | | | | |");
        }

        Console.WriteLine();
        Console.WriteLine("Decode + normalize alone (one thread, from memory, SeriesId of every point):");
        Console.WriteLine();
        Console.WriteLine("| path | lines | points | wall s | lines/s (wall) | CPU s | lines per CPU s | bytes allocated per line |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var round = 1; round <= rounds; round++)
        {
            DecodeAlone(messages, format);
        }

        return 0;
    }

    private static (long Produced, long Bytes, TimeSpan Time) Produce(string bootstrap, int count, int partitions)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrap,
            LingerMs = 20,
            BatchNumMessages = 10_000,
            QueueBufferingMaxMessages = 1_000_000,
            Acks = Acks.Leader,
            CompressionType = CompressionType.None,
        };
        var startNanos = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds() * 1_000_000L;
        long bytes = 0;
        long failed = 0;
        var clock = Stopwatch.StartNew();
        using (var producer = new ProducerBuilder<Null, byte[]>(config).Build())
        {
            for (var i = 0; i < count; i++)
            {
                var payload = InfluxLines.Bytes(i, startNanos);
                bytes += payload.Length;
                while (true)
                {
                    try
                    {
                        producer.Produce(new TopicPartition(Topic, i % partitions), new Message<Null, byte[]> { Value = payload }, r =>
                        {
                            if (r.Error.IsError)
                            {
                                Interlocked.Increment(ref failed);
                            }
                        });
                        break;
                    }
                    catch (ProduceException<Null, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(50));
                    }
                }
            }

            producer.Flush(TimeSpan.FromMinutes(5));
        }

        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} messages were not delivered");
        }

        return (count, bytes, clock.Elapsed);
    }

    private static long Readable(string bootstrap, int partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "bench-watermarks" }).Build();
        long total = 0;
        for (var p = 0; p < partitions; p++)
        {
            var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(Topic, p), TimeSpan.FromSeconds(10));
            total += offsets.High.Value - offsets.Low.Value;
        }

        return total;
    }

    private static Measurement Kcat(string kcat, string bootstrap)
    {
        // Through bash so `times` can report kcat's CPU time (user + system) on stderr once it exited.
        var info = new ProcessStartInfo("/bin/bash")
        {
            ArgumentList = { "-c", $"{kcat} -b {bootstrap} -C -e -o beginning -q -t {Topic}; rc=$?; times >&2; exit $rc" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("kcat did not start");
        var stderr = process.StandardError.ReadToEndAsync();

        // Drain stdout as a downstream reader would, counting one newline per message.
        var stream = process.StandardOutput.BaseStream;
        var buffer = new byte[1 << 16];
        long lines = 0;
        TimeSpan? first = null;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            first ??= clock.Elapsed;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        process.WaitForExit();
        var wall = clock.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kcat exited {process.ExitCode}: {stderr.Result}");
        }

        return new Measurement(lines, wall, wall - (first ?? TimeSpan.Zero), 0, 0, ChildCpu(stderr.Result));
    }

    private static void Row(int round, string consumer, Measurement m, Measurement kcat) =>
        Console.WriteLine(
            $"| {round} | {consumer} | {m.Messages:N0} | {m.Wall.TotalSeconds:F2} | {m.Rate:N0} | {m.SteadyRate:N0} | {m.Cpu.TotalSeconds:F2} | {m.CpuRate:N0} | " +
            $"{(m.Points > 0 ? m.Points.ToString("N0", CultureInfo.CurrentCulture) : string.Empty)} | {m.Rate / kcat.Rate:F2} | {m.SteadyRate / kcat.SteadyRate:F2} |");

    private static Measurement Engine(string bootstrap, long target, string format, int round, bool decode, bool native, bool pipelined, int? fetchQueueBackoffMs)
    {
        var options = new KafkaOptions
        {
            BootstrapServers = bootstrap,
            GroupId = $"bench-engine-{round}-{decode}-{native}-{pipelined}-{Guid.NewGuid():N}",
            InputTopics = new() { [Topic] = format },
        };
        if (fetchQueueBackoffMs is { } backoff)
        {
            options.ClientConfig["fetch.queue.backoff.ms"] = backoff.ToString(CultureInfo.InvariantCulture);
        }

        var router = DecoderCatalog.CreateRouter(options.InputTopics, TimeProvider.System);
        var loop = new KafkaConsumerLoop(options) { UseNativeBatch = native, Pipelined = pipelined };
        var records = new List<TelemetryRecord>(16);
        long handled = 0;
        long points = 0;
        long failures = 0;
        ulong checksum = 0;
        TimeSpan? first = null;
        var last = TimeSpan.Zero;
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        ValueTask Handle(InboundMessage message, CancellationToken cancellationToken)
        {
            first ??= clock.Elapsed;
            if (decode && !router.Decode(message, records).Success)
            {
                failures++;
            }

            foreach (var record in records)
            {
                if (record is MetricPoint point)
                {
                    checksum ^= point.SeriesId.Value;
                    points++;
                }
            }

            records.Clear();
            if (++handled >= target)
            {
                last = clock.Elapsed;
                stop.Cancel();
            }

            return ValueTask.CompletedTask;
        }

        var cpuBefore = Environment.CpuUsage.TotalTime;
        var running = loop.RunAsync(Handle, stop.Token);
        if (!running.Wait(TimeSpan.FromMinutes(10)))
        {
            throw new TimeoutException($"the engine handled {handled:N0} of {target:N0} in 10 minutes");
        }

        GC.KeepAlive(checksum);
        if (loop.NativeBatchActive != native)
        {
            throw new InvalidOperationException($"the loop ran the {(loop.NativeBatchActive ? "batch" : "Consume")} path");
        }

        return new Measurement(handled, last, last - (first ?? TimeSpan.Zero), points, failures, Environment.CpuUsage.TotalTime - cpuBefore);
    }

    /// <summary>
    /// The floor under the engine loop, partitions assigned like kcat does: the .NET client's Consume alone, or
    /// (<paramref name="native"/>) the loop's librdkafka batch receive alone.
    /// </summary>
    private static Measurement ConfluentOnly(string bootstrap, long target, int partitions, bool native, int? fetchQueueBackoffMs)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "bench-floor-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            FetchQueueBackoffMs = fetchQueueBackoffMs,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(Topic, p, Offset.Beginning)));
        long count = 0;
        long bytes = 0;
        TimeSpan? first = null;
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        using var batch = native
            ? NativeBatchConsumer.TryCreate(consumer, KafkaConsumerLoop.DefaultBatchSize, Console.WriteLine) ?? throw new InvalidOperationException("no native batch path")
            : null;
        var messages = new MessageBatch(KafkaConsumerLoop.DefaultBatchSize);
        while (batch is not null && count < target && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            var received = batch.Poll(1000, messages);
            if (received > 0)
            {
                first ??= clock.Elapsed;
            }

            foreach (var message in messages.Messages)
            {
                bytes += message.Payload.Length;
                count++;
            }
        }

        while (batch is null && count < target && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(1));
            if (result?.Message is { } message)
            {
                first ??= clock.Elapsed;
                bytes += message.Value.Length;
                count++;
            }
        }

        var wall = clock.Elapsed;
        GC.KeepAlive(bytes);
        return new Measurement(count, wall, wall - (first ?? TimeSpan.Zero), 0, 0, Environment.CpuUsage.TotalTime - cpu);
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string StringOption(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    /// <summary>The children's user and system time from bash's `times` (its second line).</summary>
    private static TimeSpan ChildCpu(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        foreach (var part in lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // "0m1.234s"
            var m = part.IndexOf('m', StringComparison.Ordinal);
            if (m > 0 && part.EndsWith('s'))
            {
                total += TimeSpan.FromMinutes(int.Parse(part[..m], CultureInfo.InvariantCulture)) +
                         TimeSpan.FromSeconds(double.Parse(part[(m + 1)..^1], CultureInfo.InvariantCulture));
            }
        }

        return total;
    }

    /// <summary>
    /// Decode + normalize alone, on this thread, from memory: each line as its own message through the router (what
    /// the engine does per Kafka message), then the same lines as 1000-line messages straight to the influx decoder.
    /// The CPU-time rate (process CPU, so GC counts) is the one-core figure that contention on a shared machine
    /// does not inflate.
    /// </summary>
    private static void DecodeAlone(int count, string format)
    {
        var startNanos = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds() * 1_000_000L;
        var now = DateTimeOffset.UtcNow;
        var single = new InboundMessage[count];
        for (var i = 0; i < count; i++)
        {
            single[i] = new InboundMessage(Topic, 0, i, InfluxLines.Bytes(i, startNanos), InboundMessage.NoHeaders, now);
        }

        var batches = new List<InboundMessage>();
        for (var i = 0; i < count; i += 1000)
        {
            var text = string.Join('\n', Enumerable.Range(i, Math.Min(1000, count - i)).Select(j => InfluxLines.Line(j, startNanos)));
            batches.Add(new InboundMessage(Topic, 0, i, System.Text.Encoding.UTF8.GetBytes(text), InboundMessage.NoHeaders, now));
        }

        var router = DecoderCatalog.CreateRouter(new Dictionary<string, string> { [Topic] = format }, TimeProvider.System);
        var influx = DecoderCatalog.Create(DecoderFormats.Influx, TimeProvider.System);
        Measure($"router ({format}), 1 line per message", single, router, count);
        Measure("influx decoder, 1000 lines per message", [.. batches], influx, count);
    }

    private static void Measure(string what, InboundMessage[] messages, ITelemetryDecoder decoder, int lines)
    {
        var records = new List<TelemetryRecord>(4096);
        for (var warm = 0; warm < Math.Min(messages.Length, 2000); warm++)
        {
            records.Clear();
            decoder.Decode(messages[warm], records);
        }

        ulong checksum = 0;
        long points = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        foreach (var message in messages)
        {
            records.Clear();
            decoder.Decode(message, records);
            foreach (var record in records)
            {
                checksum ^= ((MetricPoint)record).SeriesId.Value;
                points++;
            }
        }

        var wall = clock.Elapsed;
        var cpuTime = Environment.CpuUsage.TotalTime - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        GC.KeepAlive(checksum);
        Console.WriteLine(
            $"| {what} | {lines:N0} | {points:N0} | {wall.TotalSeconds:F2} | {lines / wall.TotalSeconds:N0} | {cpuTime.TotalSeconds:F2} | {lines / cpuTime.TotalSeconds:N0} | {allocated / (double)lines:F0} |");
    }

    private readonly record struct Measurement(long Messages, TimeSpan Wall, TimeSpan Steady, long Points, long Failures, TimeSpan Cpu)
    {
        public double CpuRate => Messages / Math.Max(Cpu.TotalSeconds, 1e-9);

        public double Rate => Messages / Wall.TotalSeconds;

        public double SteadyRate => Messages / Math.Max(Steady.TotalSeconds, 1e-9);
    }
}
