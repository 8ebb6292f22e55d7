namespace AIOps.Core.Model;

/// <summary>
/// One entity scheme across sources: OpenTelemetry semantic conventions first, then the Prometheus,
/// Telegraf, Kubernetes and log-shipper spellings of the same thing. The README documents this table.
/// </summary>
public static class EntityResolver
{
    public static readonly string[] ServiceKeys = ["service.name", "service", "service_name", "app.kubernetes.io/name", "app", "job", "k8s.deployment.name", "container_name", "container"];
    public static readonly string[] HostKeys = ["host.name", "host", "hostname", "node", "k8s.node.name", "nodename", "instance"];
    public static readonly string[] PodKeys = ["k8s.pod.name", "pod", "pod_name"];
    public static readonly string[] NamespaceKeys = ["k8s.namespace.name", "namespace", "namespace_name"];
    public static readonly string[] ClusterKeys = ["k8s.cluster.name", "cluster"];
    public static readonly string[] RegionKeys = ["cloud.region", "region"];

    public static Resource FromLabels(LabelSet labels) => FromLookup(labels, static (l, k) => l.Get(k));

    public static Resource FromLookup<TState>(TState state, Func<TState, string, string?> lookup) => new(
        First(state, lookup, ServiceKeys),
        StripPort(First(state, lookup, HostKeys)),
        First(state, lookup, PodKeys),
        First(state, lookup, NamespaceKeys),
        First(state, lookup, ClusterKeys),
        First(state, lookup, RegionKeys));

    private static string? First<TState>(TState state, Func<TState, string, string?> lookup, string[] keys)
    {
        foreach (var key in keys)
        {
            var value = lookup(state, key);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    // Prometheus' instance label is host:port; the port is not part of the host's identity.
    private static string? StripPort(string? host)
    {
        if (host is null)
        {
            return null;
        }

        var colon = host.LastIndexOf(':');
        return colon > 0 && host.IndexOf(':') == colon && int.TryParse(host.AsSpan(colon + 1), out _) ? host[..colon] : host;
    }
}
