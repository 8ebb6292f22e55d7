using AIOps.Core.Model;

namespace AIOps.RootCause.Incidents;

/// <summary>
/// Per open incident: its members folded so far (<see cref="SignalFold"/>) and its last ranking with the inputs it
/// came from. In an alert storm an incident gets a new version per new condition, and most of them change nothing
/// the ranking reads (another alert on an entity already showing one): those fold only the new members and reuse
/// the report. Bounded; the pipeline and the API may both ask, so entries are handed out under a lock and each is
/// used under its own.
/// </summary>
internal sealed class RankingMemo(int capacity)
{
    public const int DefaultCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The incident's entry (a fresh one when memoizing is off or it was not seen).</summary>
    public Entry For(Incident incident)
    {
        if (capacity <= 0)
        {
            return new Entry();
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(incident.Id, out var entry))
            {
                return entry;
            }

            if (_entries.Count >= capacity)
            {
                // Incidents open for long are few; starting over costs one ranking each, never a wrong answer.
                _entries.Clear();
            }

            return _entries[incident.Id] = new Entry();
        }
    }

    /// <summary>A resolved incident is forgotten (a reopen ranks afresh).</summary>
    public void Release(Incident incident)
    {
        if (incident.Status != IncidentStatus.Open)
        {
            lock (_gate)
            {
                _entries.Remove(incident.Id);
            }
        }
    }

    public void Count(bool reused)
    {
        if (reused)
        {
            Interlocked.Increment(ref _hits);
        }
        else
        {
            Interlocked.Increment(ref _misses);
        }
    }

    internal sealed class Entry
    {
        public Lock Gate { get; } = new();

        public SignalFold Fold { get; } = new();

        public RankingKey? Key { get; set; }

        public RootCauseReport? Report { get; set; }
    }
}
