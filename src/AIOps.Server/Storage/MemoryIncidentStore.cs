using System.Collections.Concurrent;
using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Server.Storage;

/// <summary>Keeps the highest version of each incident in memory (replays and the demo need no disk).</summary>
public sealed class MemoryIncidentStore : IIncidentStore, IIncidentStoreEvents
{
    private readonly ConcurrentDictionary<string, Incident> _latest = new(StringComparer.Ordinal);

    public event Action<Incident>? Stored;

    public ValueTask PublishAsync(Incident incident, CancellationToken cancellationToken)
    {
        var kept = _latest.AddOrUpdate(incident.Id, incident, (_, known) => known.Version >= incident.Version ? known : incident);
        if (ReferenceEquals(kept, incident))
        {
            Stored?.Invoke(incident);
        }

        return ValueTask.CompletedTask;
    }

    public Incident? Get(string id) => _latest.GetValueOrDefault(id);

    public IReadOnlyList<Incident> List() =>
        [.. _latest.Values.OrderByDescending(i => i.LastSeen).ThenBy(i => i.Id, StringComparer.Ordinal)];
}
