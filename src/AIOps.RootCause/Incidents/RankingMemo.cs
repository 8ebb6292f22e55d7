using AIOps.Core.Model;

namespace AIOps.RootCause.Incidents;

/// <summary>
/// The last ranking of each open incident with the inputs it came from. In an alert storm an incident gets a new
/// version per new condition, and most of them change nothing the ranking reads (another alert on an entity already
/// showing one): those reuse the report instead of ranking again. Bounded; thread-safe (the pipeline and the API
/// may both ask).
/// </summary>
internal sealed class RankingMemo(int capacity)
{
    public const int DefaultCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (RankingKey Key, RootCauseReport Report)> _entries = new(StringComparer.Ordinal);

    public long Hits { get; private set; }

    public long Misses { get; private set; }

    public bool TryGet(string incidentId, RankingKey key, out RootCauseReport report)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(incidentId, out var entry) && entry.Key.Matches(key))
            {
                Hits++;
                report = entry.Report;
                return true;
            }

            Misses++;
            report = null!;
            return false;
        }
    }

    /// <summary>Keeps the ranking of an open incident; a resolved one is forgotten (a reopen ranks afresh).</summary>
    public void Set(Incident incident, RankingKey key, RootCauseReport report)
    {
        lock (_gate)
        {
            if (incident.Status != IncidentStatus.Open || capacity <= 0)
            {
                _entries.Remove(incident.Id);
                return;
            }

            if (_entries.Count >= capacity && !_entries.ContainsKey(incident.Id))
            {
                // Incidents open for long are few; starting over costs one ranking each, never a wrong answer.
                _entries.Clear();
            }

            _entries[incident.Id] = (key, report);
        }
    }
}
