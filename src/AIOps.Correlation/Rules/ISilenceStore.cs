using AIOps.Core.Model;

namespace AIOps.Correlation.Rules;

/// <summary>Silences created at run time (the API's POST/DELETE /silences); thread-safe.</summary>
public interface ISilenceStore
{
    /// <summary>Adds or replaces the silence with the same id.</summary>
    void Add(Silence silence);

    bool Remove(string id);

    IReadOnlyList<Silence> List();

    /// <summary>The silence muting this signal at its event time, or null.</summary>
    Silence? Muting(Signal signal);
}
