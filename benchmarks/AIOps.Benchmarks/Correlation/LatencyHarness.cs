using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using AIOps.Core.Model;
using AIOps.Core.Pipeline;
using AIOps.Core.Ports;
using AIOps.Correlation.Incidents;
using AIOps.Detection.Scoring;
using AIOps.Detection.Stage;
using AIOps.RootCause.Incidents;

namespace AIOps.Benchmarks.Correlation;

/// <summary>
/// `latency [--rate 50000] [--seconds 10] [--no-rca | --no-memo]`: a producer paces alert records at the rate (event time = wall time) into a
/// bounded channel; one consumer runs them through the engine after decoding (detection -> correlation -> root cause
/// -> sink), one record per call like one Kafka message. Latency is wall time from the record's enqueue to the sink
/// receiving the incident version it caused (opened or updated), queueing included. `--no-memo` ranks every
/// incident version afresh (the analyzer before it reused unchanged rankings), for a side-by-side on the same load.
/// </summary>
internal static class LatencyHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Option(args, "--rate", 50_000);
        var seconds = Option(args, "--seconds", 10);
        var total = (long)rate * seconds;
        var sink = new LatencySink();
        var topology = CorrelationWorkload.Topology(20);
        var ranking = new SignalRootCauseAnalyzer(memoCapacity: args.Contains("--no-memo") ? 0 : RankingMemo.DefaultCapacity);
        var analyzer = new TimedAnalyzer(args.Contains("--no-rca") ? new NoRootCause() : ranking);
        var engine = new IncidentEngine(
            new DetectionStage(new RobustBaselineDetectorFactory(), topology),
            new TimeWindowCorrelator(topology),
            analyzer,
            topology,
            [sink],
            allowedLateness: TimeSpan.Zero);
        var channel = Channel.CreateBounded<(EventRecord Record, long Enqueued)>(new BoundedChannelOptions(100_000) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        // Records are built before the clock starts, so the producer only paces (its cost is not the engine's).
        var random = new Random(674386);
        var templates = new Dictionary<string, EventRecord>(StringComparer.Ordinal);
        var plan = new EventRecord[total];
        for (long n = 0; n < total; n++)
        {
            // A new entity (an incident opens) every 10k records: 5 per second at 50k/s.
            var (entity, alertName) = CorrelationWorkload.Pick(random, n, 20, 10_000);
            var key = entity + "/" + alertName;
            if (!templates.TryGetValue(key, out var template))
            {
                var labels = LabelSet.From(("alertname", alertName), ("service", entity), ("severity", "critical"));
                templates[key] = template = new EventRecord
                {
                    Source = "alertmanager",
                    Fingerprint = key,
                    Status = EventStatus.Firing,
                    Severity = Severity.Critical,
                    Kind = EventKind.Alert,
                    Title = $"{alertName} on {entity}",
                    Labels = labels,
                    Timestamp = DateTimeOffset.UnixEpoch,
                    Resource = EntityResolver.FromLabels(labels),
                };
            }

            plan[n] = template;
        }

        // Warm-up (JIT, tiered compilation) on other entities, so the numbers are the steady state.
        var warm = new EventRecord[1];
        var warmStart = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
        for (var n = 0; n < 50_000; n++)
        {
            var (entity, alertName) = CorrelationWorkload.Pick(random, n, 20, 10_000);
            warm[0] = plan[n % 1000] with { Fingerprint = "warm-" + entity + alertName, Timestamp = warmStart.AddMilliseconds(n) };
            await engine.ProcessAsync(warm, CancellationToken.None);
        }

        sink.Latencies.Clear();
        sink.OpenLatencies.Clear();
        analyzer.Reset();
        var memoBefore = ranking.MemoCounts;
        var wallStart = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var producer = Task.Run(async () =>
        {
            for (long n = 0; n < total; n++)
            {
                var due = n * Stopwatch.Frequency / rate;
                while (clock.ElapsedTicks < due)
                {
                    if (due - clock.ElapsedTicks > Stopwatch.Frequency / 1000)
                    {
                        await Task.Delay(1);
                    }
                    else
                    {
                        Thread.SpinWait(50);
                    }
                }

                var record = plan[n] with { Timestamp = wallStart + clock.Elapsed };
                await channel.Writer.WriteAsync((record, Stopwatch.GetTimestamp()));
            }

            channel.Writer.Complete();
        });

        var batch = new EventRecord[1];
        await foreach (var (record, enqueued) in channel.Reader.ReadAllAsync())
        {
            batch[0] = record;
            sink.Current = enqueued;
            await engine.ProcessAsync(batch, CancellationToken.None);
        }

        await producer;
        var elapsed = clock.Elapsed.TotalSeconds;
        var latencies = sink.Latencies.Order().ToArray();
        var opens = sink.OpenLatencies.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"records {total:N0} in {elapsed:0.00} s ({total / elapsed:N0}/s, target {rate:N0}/s); incident versions {latencies.Length:N0} (opened {sink.Opened:N0}); " +
            $"signal-to-incident-version latency p50 {Percentile(latencies, 0.50):0.000} ms, p99 {Percentile(latencies, 0.99):0.000} ms, max {(latencies.Length == 0 ? 0 : latencies[^1]):0.000} ms; " +
            $"opening signal to opened incident p50 {Percentile(opens, 0.50):0.000} ms, p99 {Percentile(opens, 0.99):0.000} ms; " +
            $"root cause {analyzer.Elapsed.TotalMilliseconds:0.0} ms in {analyzer.Calls:N0} calls (rankings reused {ranking.MemoCounts.Reused - memoBefore.Reused:N0}, ranked {ranking.MemoCounts.Ranked - memoBefore.Ranked:N0})"));
        return 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    /// <summary>Isolates the correlator's share of the latency (`--no-rca`).</summary>
    private sealed class NoRootCause : IRootCauseAnalyzer
    {
        private static readonly RootCauseReport Empty = new(null, [], "none");

        public RootCauseReport Analyze(Incident incident, AIOps.Core.Topology.DependencyGraph topology) => Empty;
    }

    /// <summary>Wall time spent in the root-cause stage (its share of the consumer's time).</summary>
    private sealed class TimedAnalyzer(IRootCauseAnalyzer inner) : IRootCauseAnalyzer
    {
        private long _ticks;

        public long Calls { get; private set; }

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, _ticks);

        public void Reset() => (_ticks, Calls) = (0, 0);

        public RootCauseReport Analyze(Incident incident, AIOps.Core.Topology.DependencyGraph topology)
        {
            var start = Stopwatch.GetTimestamp();
            var report = inner.Analyze(incident, topology);
            _ticks += Stopwatch.GetTimestamp() - start;
            Calls++;
            return report;
        }
    }

    private sealed class LatencySink : IIncidentSink
    {
        public List<double> Latencies { get; } = new(1 << 16);

        public List<double> OpenLatencies { get; } = [];

        public long Current { get; set; }

        public long Opened { get; private set; }

        public ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
        {
            var latency = Stopwatch.GetElapsedTime(Current).TotalMilliseconds;
            Latencies.Add(latency);
            if (incident.Version == 1)
            {
                Opened++;
                OpenLatencies.Add(latency);
            }

            return ValueTask.CompletedTask;
        }
    }
}
