using System.Diagnostics;
using System.Globalization;
using AIOps.Benchmarks.Ingest;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest;
using AIOps.Kafka;
using AIOps.Kafka.Consuming;
using AIOps.Kafka.Embedded;
using Confluent.Kafka;

namespace AIOps.Benchmarks.EndToEnd;

/// <summary>
/// End to end, in one process and one run: produce N Influx line-protocol messages into the embedded broker
/// (spread over enough partitions that its per-partition retention keeps them all), then per round
/// (a) kcat -C -e -o beginning -q raw consume of the topic and (b) the engine's KafkaConsumerLoop + router decode
/// + normalization (MetricPoints with their SeriesId) of the same topic; prints rates and the engine/kcat ratio.
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
        Console.WriteLine("| round | consumer | messages | wall s | msg/s (wall) | msg/s (first to last) | points | engine/kcat (wall) | engine/kcat (first to last) |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var round = 1; round <= rounds; round++)
        {
            var raw = Kcat(kcat, cluster.BootstrapServers);
            Console.WriteLine($"| {round} | kcat -C -e -o beginning -q | {raw.Messages:N0} | {raw.Wall.TotalSeconds:F2} | {raw.Rate:N0} | {raw.SteadyRate:N0} | | | |");
            var bare = Engine(cluster.BootstrapServers, readable, format, round, decode: false);
            Console.WriteLine($"| {round} | engine loop, handler does nothing | {bare.Messages:N0} | {bare.Wall.TotalSeconds:F2} | {bare.Rate:N0} | {bare.SteadyRate:N0} | | {bare.Rate / raw.Rate:F2} | {bare.SteadyRate / raw.SteadyRate:F2} |");
            var engine = Engine(cluster.BootstrapServers, readable, format, round, decode: true);
            Console.WriteLine(
                $"| {round} | engine loop + router ({format}) + normalize | {engine.Messages:N0} | {engine.Wall.TotalSeconds:F2} | {engine.Rate:N0} | {engine.SteadyRate:N0} | {engine.Points:N0} | " +
                $"{engine.Rate / raw.Rate:F2} | {engine.SteadyRate / raw.SteadyRate:F2} |");
            if (engine.Failures > 0)
            {
                Console.WriteLine($"WARNING: {engine.Failures} messages failed to decode");
            }
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
        var info = new ProcessStartInfo(kcat, $"-b {bootstrap} -C -e -o beginning -q -t {Topic}")
        {
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

        return new Measurement(lines, wall, wall - (first ?? TimeSpan.Zero), 0, 0);
    }

    private static Measurement Engine(string bootstrap, long target, string format, int round, bool decode)
    {
        var options = new KafkaOptions
        {
            BootstrapServers = bootstrap,
            GroupId = $"bench-engine-{round}-{decode}-{Guid.NewGuid():N}",
            InputTopics = new() { [Topic] = format },
        };
        var router = DecoderCatalog.CreateRouter(options.InputTopics, TimeProvider.System);
        var loop = new KafkaConsumerLoop(options);
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

        var running = loop.RunAsync(Handle, stop.Token);
        if (!running.Wait(TimeSpan.FromMinutes(10)))
        {
            throw new TimeoutException($"the engine handled {handled:N0} of {target:N0} in 10 minutes");
        }

        GC.KeepAlive(checksum);
        return new Measurement(handled, last, last - (first ?? TimeSpan.Zero), points, failures);
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

    private readonly record struct Measurement(long Messages, TimeSpan Wall, TimeSpan Steady, long Points, long Failures)
    {
        public double Rate => Messages / Wall.TotalSeconds;

        public double SteadyRate => Messages / Math.Max(Steady.TotalSeconds, 1e-9);
    }
}
