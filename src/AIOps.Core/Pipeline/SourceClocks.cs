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
            Newest = t > Newest ? t : Newest;
        }
    }

    /// <summary>The newest event time any source delivered (MinValue before any).</summary>
    public DateTimeOffset Newest { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// The hold with this source counted as behind: the earlier of <paramref name="hold"/> and the newest event the
    /// source delivered (the start of time while it delivered none, so everything waits for it).
    /// </summary>
    public DateTimeOffset HoldFor(DateTimeOffset? hold, string topic, int partition)
    {
        var newest = NewestOf(topic, partition) ?? DateTimeOffset.MinValue;
        return hold is { } h && h <= newest ? h : newest;
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
