using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Core.Topology;
using AIOps.Detection.Rules;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Stage;

/// <summary>
/// The detection stage: scores every metric series with its own streaming detector, turns error log
/// lines into per-entity rate series, learns call edges from spans, and normalizes alerts and change
/// events into signals. Single-threaded, like the loop that calls it.
/// </summary>
public sealed partial class DetectionStage : ISignalDetector
{
    private readonly ISeriesDetectorFactory _factory;
    private readonly DependencyGraph _topology;
    private readonly DetectionOptions _options;
    private readonly AnomalyRunTracker _runs;
    private readonly Dictionary<SeriesId, SeriesState> _series = [];
    private readonly Dictionary<string, LogRateBucket> _logRates = new(StringComparer.Ordinal);
    private readonly string _detectorName;

    private readonly DetectionRules _rules;

    public DetectionStage(ISeriesDetectorFactory factory, DependencyGraph topology, DetectionOptions? options = null, DetectionRules? rules = null)
    {
        _factory = factory;
        _rules = rules ?? DetectionRules.Empty;
        _detectorName = DetectorNames.Of(factory);
        _topology = topology;
        _options = options ?? new DetectionOptions();
        _runs = new AnomalyRunTracker(_options);
    }

    public int SeriesCount => _series.Count;

    /// <summary>Series not scored because <see cref="DetectionOptions.MaxSeries"/> was reached.</summary>
    public long RejectedSeries { get; private set; }

    public void Observe(TelemetryRecord record, ICollection<Signal> signals)
    {
        switch (record)
        {
            case MetricPoint point:
                ObserveMetric(point.Name, point.Labels, point.Resource.EntityKey, point.Timestamp, point.Value, signals, ingested: true);
                break;
            case LogRecord log:
                ObserveLog(log, signals);
                break;
            case EventRecord evt:
                signals.Add(EventSignals.From(evt));
                break;
            case SpanRecord span:
                ObserveSpan(span, signals);
                break;
        }
    }

    /// <param name="ingested">A metric as it arrived (it may be a cumulative counter), not a series derived here from logs or spans.</param>
    /// <param name="events">For a series derived from counted events: how many events one unit of the value stands
    /// for (1 for a count of log lines, the bucket's spans for an error ratio), so a deviation within counting noise is
    /// no anomaly; 0 for anything else.</param>
    private void ObserveMetric(string name, LabelSet labels, string entity, DateTimeOffset timestamp, double value, ICollection<Signal> signals, bool ingested = false, double events = 0)
    {
        var id = SeriesId.Of(name, labels);
        if (!_series.TryGetValue(id, out var state))
        {
            if (_series.Count >= _options.MaxSeries)
            {
                RejectedSeries++;
                DetectionHealth.RejectedSeries.Add(1);
                return;
            }

            var policy = _rules.Resolve(name, _factory, _detectorName, _options.SignalThreshold);
            state = new SeriesState(name, policy.Factory.Create(name), policy) { Counter = ingested ? CounterRate.For(name, policy.Counter) : null };
            DetectionHealth.Series.Add(1);
            _series[id] = state;
        }

        if (state.Counter is { } counter && !counter.TryNext(timestamp, value, out value))
        {
            return; // a counter's first sample, or a series still being judged counter or gauge
        }

        var score = state.Detector.Update(timestamp, value);
        if (state.Counter is { IsCounter: true } rate)
        {
            events = rate.Seconds;
        }

        if (events > 0 && score.Score > 0 && !CountingNoise.Exceeded(value * events, score.Expected * events))
        {
            score = score with { Score = 0 }; // within counting noise: not an anomaly, whatever the detector's range says
        }

        TrackHealth(state, score);
        var identity = new SeriesIdentity(id.Value, $"{entity}/{name}/{id}", labels);
        if (_runs.Track(state, score, entity, name, identity, timestamp, value) is { } signal)
        {
            signals.Add(signal);
        }
    }

    private void ObserveLog(LogRecord log, ICollection<Signal> signals)
    {
        var entity = log.Resource.EntityKey;
        var bucketStart = Floor(log.Timestamp, _options.LogBucket);
        if (!_logRates.TryGetValue(entity, out var bucket))
        {
            _logRates[entity] = bucket = new LogRateBucket(bucketStart, LabelSet.From(("service.name", entity)));
        }

        // A later bucket closes the current one (and any silent ones between) as points of the error-rate series.
        const int maxGapBuckets = 60;
        var closed = 0;
        while (bucket.Start < bucketStart && closed++ < maxGapBuckets)
        {
            // Stamped at its first error, not the bucket start, so log-derived onsets are not up to a bucket early.
            ObserveMetric(LogIndicators.ErrorCount, bucket.Labels, entity, bucket.FirstError ?? bucket.Start, bucket.Errors, signals, events: 1);
            foreach (var template in bucket.Templates.Values)
            {
                ObserveMetric(LogIndicators.TemplateCount, template.Labels, entity, template.First ?? bucket.Start, template.Count, signals, events: 1);
                template.Count = 0;
                template.First = null;
            }

            bucket.Start += _options.LogBucket;
            bucket.Errors = 0;
            bucket.FirstError = null;
        }

        if (bucket.Start < bucketStart)
        {
            bucket.Start = bucketStart;
        }

        if (log.Severity >= Severity.Error)
        {
            bucket.Errors++;
            bucket.FirstError ??= log.Timestamp;
        }

        if (log.TemplateId is not null && log.Severity >= _options.TemplateRateMinSeverity && _options.MaxTemplatesPerEntity > 0)
        {
            CountTemplate(bucket, log, entity);
        }

        if (log.NewTemplate && bucket.LinesSeen >= _options.NoveltyWarmupLogs && log.Severity >= _options.NoveltyMinSeverity)
        {
            signals.Add(NoveltySignals.From(log, entity));
        }

        bucket.LinesSeen++;
    }

    private void CountTemplate(LogRateBucket bucket, LogRecord log, string entity)
    {
        if (!bucket.Templates.TryGetValue(log.TemplateId!, out var counter))
        {
            if (bucket.Templates.Count >= _options.MaxTemplatesPerEntity)
            {
                var stalest = bucket.Templates.MinBy(t => t.Value.LastSeen).Key;
                bucket.Templates.Remove(stalest);
            }

            // Keyed by the template id only: the miner may still refine a template's text, its id stays.
            var labels = LabelSet.From(("service.name", entity), ("template_id", log.TemplateId!));
            bucket.Templates[log.TemplateId!] = counter = new TemplateCounter(labels);
        }

        counter.Count++;
        counter.First ??= log.Timestamp;
        counter.LastSeen = log.Timestamp;
    }

    private static void TrackHealth(SeriesState state, AnomalyScore score)
    {
        if (double.IsNaN(score.Expected))
        {
            return; // warming up: nothing to judge yet
        }

        DetectionHealth.Scores.Record(score.Score);
        var deviation = Math.Min(Math.Abs(score.Deviation), DetectionHealth.DeviationCap);
        state.DriftLevel += DetectionHealth.DriftSmoothing * (deviation - state.DriftLevel);
        if (!state.Drifting && state.DriftLevel > DetectionHealth.DriftEnter)
        {
            state.Drifting = true;
            DetectionHealth.DriftingSeries.Add(1);
        }
        else if (state.Drifting && state.DriftLevel < DetectionHealth.DriftExit)
        {
            state.Drifting = false;
            DetectionHealth.DriftingSeries.Add(-1);
        }
    }

    internal static DateTimeOffset Floor(DateTimeOffset time, TimeSpan width) =>
        new(time.UtcTicks - (time.UtcTicks % width.Ticks), TimeSpan.Zero);

    private sealed class LogRateBucket(DateTimeOffset start, LabelSet labels)
    {
        public DateTimeOffset Start { get; set; } = start;

        public LabelSet Labels { get; } = labels;

        public int Errors { get; set; }

        public DateTimeOffset? FirstError { get; set; }

        public long LinesSeen { get; set; }

        /// <summary>Per-template line counts of the current bucket, by template id.</summary>
        public Dictionary<string, TemplateCounter> Templates { get; } = new(StringComparer.Ordinal);
    }

    private sealed class TemplateCounter(LabelSet labels)
    {
        public LabelSet Labels { get; } = labels;

        public int Count { get; set; }

        public DateTimeOffset? First { get; set; }

        public DateTimeOffset LastSeen { get; set; }
    }
}
