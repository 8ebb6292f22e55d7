using AIOps.Correlation.Topology;

namespace AIOps.Correlation.Incidents;

/// <summary>Which services run on which hosts (from <c>topology.yaml</c>): a host's signals relate to its services'.</summary>
public sealed class HostMap
{
    public static readonly HostMap Empty = new();

    private readonly Dictionary<string, List<string>> _related = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _hostsOf = new(StringComparer.Ordinal);

    public static HostMap From(TopologyDocument document)
    {
        var map = new HostMap();
        foreach (var service in document.Services)
        {
            foreach (var host in service.Hosts)
            {
                map.Add(service.Name, host);
            }
        }

        return map;
    }

    public void Add(string service, string host)
    {
        Link(_related, service, host);
        Link(_related, host, service);
        Link(_hostsOf, service, host);
    }

    /// <summary>The hosts of a service, or the services of a host.</summary>
    public IReadOnlyList<string> Related(string entity) => _related.TryGetValue(entity, out var list) ? list : [];

    /// <summary>The hosts a service runs on (a service's trouble can come from its host, not the other way round).</summary>
    public IReadOnlyList<string> HostsOf(string service) => _hostsOf.TryGetValue(service, out var list) ? list : [];

    private static void Link(Dictionary<string, List<string>> map, string from, string to)
    {
        if (!map.TryGetValue(from, out var list))
        {
            map[from] = list = [];
        }

        if (!list.Contains(to, StringComparer.Ordinal))
        {
            list.Add(to);
        }
    }
}
