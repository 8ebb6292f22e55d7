using System.Buffers;

namespace AIOps.Core.Model;

/// <summary>
/// One entity scheme across sources: OpenTelemetry semantic conventions first, then the Prometheus,
/// Telegraf, Kubernetes and log-shipper spellings of the same thing. The README documents this table.
/// </summary>
public static class EntityResolver
{
    public static readonly string[] ServiceKeys = ["service.name", "service", "service_name", "app.kubernetes.io/name", "app", "job", "k8s.deployment.name", "k8s.statefulset.name", "k8s.daemonset.name", "deployment", "statefulset", "daemonset", "container_name", "container"];
    public static readonly string[] HostKeys = ["host.name", "host", "hostname", "node", "k8s.node.name", "nodename", "instance"];
    public static readonly string[] PodKeys = ["k8s.pod.name", "pod", "pod_name"];
    public static readonly string[] NamespaceKeys = ["k8s.namespace.name", "namespace", "namespace_name"];
    public static readonly string[] ClusterKeys = ["k8s.cluster.name", "cluster"];
    public static readonly string[] RegionKeys = ["cloud.region", "region"];

    /// <summary>
    /// Exporters that report on other things: a series from kube-state-metrics about a pod carries the exporter's own
    /// `job`, `service` and `container` beside the pod's labels, node-exporter's carry the node in `instance`. Their
    /// names in a service key say who scraped, not who is affected, so those values are passed over (and kept only when
    /// the record names nothing else: no other service key, pod or host).
    /// </summary>
    public static readonly string[] ExporterNames = ["kube-state-metrics", "node-exporter", "node_exporter", "blackbox"];

    /// <summary>Agents that report on pods and also about themselves: passed over only when the record names a pod.</summary>
    public static readonly string[] PodExporterNames = ["kubelet", "cadvisor"];

    public static Resource FromLabels(LabelSet labels) => FromLookup(labels, static (l, k) => l.Get(k));

    public static Resource FromLookup<TState>(TState state, Func<TState, string, string?> lookup)
    {
        var host = StripPort(First(state, lookup, HostKeys));
        var pod = First(state, lookup, PodKeys);
        var service = Subject(state, lookup, pod is not null, out var exporter) ?? (pod is null ? null : WorkloadOf(pod)) ?? (pod is null && host is null ? exporter : null);
        return new Resource(service, host, pod, First(state, lookup, NamespaceKeys), First(state, lookup, ClusterKeys), First(state, lookup, RegionKeys));
    }

    /// <summary>
    /// The workload a Kubernetes pod belongs to, from the name its controller generated: a Deployment's
    /// `name-{template hash}-{5}`, a DaemonSet's or Job's `name-{5}`, a StatefulSet's `name-{ordinal}`. The generated
    /// parts use Kubernetes' own alphabet (no vowels, no 0, 1 or 3), so a hand-made name such as `debug-shell` stays as
    /// it is (null).
    /// </summary>
    public static string? WorkloadOf(string pod)
    {
        var last = pod.LastIndexOf('-');
        if (last <= 0 || last == pod.Length - 1)
        {
            return null;
        }

        var tail = pod.AsSpan(last + 1);
        if (IsOrdinal(tail))
        {
            return pod[..last];
        }

        if (tail.Length != 5 || !IsGenerated(tail))
        {
            return null;
        }

        var before = pod.LastIndexOf('-', last - 1);
        var hash = before > 0 ? pod.AsSpan(before + 1, last - before - 1) : default;
        return hash.Length is >= 6 and <= 10 && IsGenerated(hash) ? pod[..before] : pod[..last];
    }

    private static string? Subject<TState>(TState state, Func<TState, string, string?> lookup, bool hasPod, out string? exporter)
    {
        exporter = null;
        foreach (var key in ServiceKeys)
        {
            var value = lookup(state, key);
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!Names(value, ExporterNames) && !(hasPod && Names(value, PodExporterNames)))
            {
                return value;
            }

            exporter ??= value;
        }

        return null;
    }

    private static bool Names(string value, string[] names)
    {
        foreach (var name in names)
        {
            if (value.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOrdinal(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 4 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    // Kubernetes' generated-name alphabet (apimachinery's rand.String): consonants and the digits 2, 4-9.
    private static readonly SearchValues<char> Generated = SearchValues.Create("bcdfghjklmnpqrstvwxz2456789");

    private static bool IsGenerated(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Generated);

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
