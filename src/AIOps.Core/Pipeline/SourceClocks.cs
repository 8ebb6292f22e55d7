namespace AIOps.Core.Pipeline;

/// <summary>
/// Per input source (topic and partition): how many messages it delivered and the newest event time among them.
/// What a backlog-aware lifecycle clock needs (<see cref="IncidentEngine.Hold"/>): a partition still catching up holds
/// the clock at its own newest event, so incidents are not declared quiet while their metrics are still on the way.
/// </summary>
public sealed class SourceClocks
{
    private readonly Dictionary<(string Topic, int Partition), Clock> _sources = [];

    public void Observe(string topic, int partition, DateTimeOffset? newestEvent)
    {
        if (!_sources.TryGetValue((topic, partition), out var clock))
        {
            _sources[(topic, partition)] = clock = new Clock();
        }

        clock.Messages++;
        if (newestEvent is { } t && (clock.Newest is not { } known || t > known))
        {
            clock.Newest = t;
        }
    }

    /// <summary>Messages delivered by the source so far.</summary>
    public long MessagesOf(string topic, int partition) => _sources.TryGetValue((topic, partition), out var clock) ? clock.Messages : 0;

    /// <summary>The newest event time the source delivered, or null if it delivered none.</summary>
    public DateTimeOffset? NewestOf(string topic, int partition) => _sources.TryGetValue((topic, partition), out var clock) ? clock.Newest : null;

    private sealed class Clock
    {
        public long Messages { get; set; }

        public DateTimeOffset? Newest { get; set; }
    }
}
