using AIOps.Core.Model;

namespace AIOps.Core.Ports;

/// <summary>Durable incident storage: keeps the highest version of each incident.</summary>
public interface IIncidentStore : IIncidentSink
{
    Incident? Get(string id);

    IReadOnlyList<Incident> List();
}
