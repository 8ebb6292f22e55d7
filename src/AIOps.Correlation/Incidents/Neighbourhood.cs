namespace AIOps.Correlation.Incidents;

/// <summary>
/// What an entity is related to within <see cref="CorrelatorOptions.MaxHops"/>: everything (undirected, plus the
/// hosts it runs on), and apart from that the entities it depends on (following calls) and the entities that depend
/// on it (following callers). The direction says which way damage can travel: from a dependency to its callers.
/// </summary>
internal sealed class Neighbourhood(DateTimeOffset at)
{
    public DateTimeOffset At { get; } = at;

    public HashSet<string> All { get; } = new(StringComparer.Ordinal);

    /// <summary>Entities this one calls (directly or through calls only) and the hosts it runs on: its trouble can come from them.</summary>
    public List<string> Dependencies { get; } = [];

    /// <summary>Entities that call this one (directly or through callers only), or the services on this host: its trouble can spread to them.</summary>
    public List<string> Dependents { get; } = [];

    /// <summary>True when <paramref name="member"/> depends on this entity and not the other way round.</summary>
    public bool IsOnlyDependedOnBy(string member) => Has(Dependents, member) && !Has(Dependencies, member);

    // A few entries at one hop: a scan beats hashing, and allocates nothing.
    private static bool Has(List<string> list, string entity)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], entity, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
