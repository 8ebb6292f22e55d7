using AIOps.Core.Model;

namespace AIOps.Detection.Stage;

public sealed partial class DetectionStage
{
    private readonly Dictionary<(string Service, string Peer), SpanBucket> _spanBuckets = [];

    /// <summary>
    /// Spans become per-bucket series, not per-span points (single spans are too noisy to score): per service its
    /// mean duration and error ratio; per call edge (client spans with a peer) the mean duration, attributed to the
    /// callee, since a slow dependency shows first in its callers' client spans. Client spans also teach the graph.
    /// </summary>
    private void ObserveSpan(SpanRecord span, ICollection<Signal> signals)
    {
        var peer = span.PeerService ?? string.Empty;
        if (peer.Length > 0)
        {
            _topology.Observe(span.Service, peer, span.Timestamp);
        }

        var start = Floor(span.Timestamp, _options.LogBucket);
        var key = (span.Service, peer);
        if (!_spanBuckets.TryGetValue(key, out var bucket))
        {
            _spanBuckets[key] = bucket = new SpanBucket(start, Labels(span.Service, peer));
        }
        else if (bucket.Start < start)
        {
            Close(key, bucket, signals);
            bucket.Reset(start);
        }

        bucket.Count++;
        bucket.Errors += span.IsError ? 1 : 0;
        bucket.TotalMs += span.Duration.TotalMilliseconds;
        bucket.First ??= span.Timestamp;
    }

    private void Close((string Service, string Peer) key, SpanBucket bucket, ICollection<Signal> signals)
    {
        if (bucket.Count == 0)
        {
            return;
        }

        var mean = bucket.TotalMs / bucket.Count;
        if (key.Peer.Length == 0)
        {
            ObserveMetric(SpanIndicators.DurationMs, bucket.Labels, key.Service, bucket.First!.Value, mean, signals);
            ObserveMetric(SpanIndicators.ErrorRatio, bucket.Labels, key.Service, bucket.First!.Value, bucket.Errors / (double)bucket.Count, signals, events: bucket.Count);
        }
        else
        {
            ObserveMetric(SpanIndicators.EdgeDurationMs, bucket.Labels, key.Peer, bucket.First!.Value, mean, signals);
        }
    }

    private static LabelSet Labels(string service, string peer) => peer.Length == 0
        ? LabelSet.From(("service.name", service))
        : LabelSet.From(("service.name", peer), ("caller", service));

    private sealed class SpanBucket(DateTimeOffset start, LabelSet labels)
    {
        public DateTimeOffset Start { get; private set; } = start;

        public LabelSet Labels { get; } = labels;

        public long Count { get; set; }

        public long Errors { get; set; }

        public double TotalMs { get; set; }

        /// <summary>The bucket's points are stamped at its first span, so onsets are not up to a bucket late.</summary>
        public DateTimeOffset? First { get; set; }

        public void Reset(DateTimeOffset start)
        {
            Start = start;
            Count = 0;
            Errors = 0;
            TotalMs = 0;
            First = null;
        }
    }
}
