using AIOps.Core.Model;

namespace AIOps.Server.Storage;

/// <summary>A store that says when it kept a new incident version (the API's live stream listens).</summary>
public interface IIncidentStoreEvents
{
    /// <summary>Raised after a new version was stored; older or equal versions raise nothing.</summary>
    event Action<Incident>? Stored;
}
