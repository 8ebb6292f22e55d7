using System.Text.Json;
using AIOps.Core.Model;

namespace AIOps.Accuracy.Correlation;

internal sealed partial class ScenarioGenerator
{
    /// <summary>Prometheus-style rules on the simulated state: 5xx ratio and latency, with a `for` of two steps.</summary>
    private void ThresholdAlerts(Dictionary<string, Effect> state, int step, DateTimeOffset t)
    {
        foreach (var component in _components.Where(c => !c.IsDatastore))
        {
            var effect = state.GetValueOrDefault(component.Name);
            Track(component.Name, "HighErrorRate", "critical", $"{component.Name} 5xx ratio above 5%", effect is { ErrorFactor: >= 8 }, step, t);
            Track(component.Name, "HighLatency", "warning", $"{component.Name} p99 latency above SLO", effect is { LatencyFactor: >= 2.5 }, step, t);
        }
    }

    private void FaultAlerts(int step, DateTimeOffset t)
    {
        foreach (var fault in _spec.Faults)
        {
            foreach (var alert in fault.Alerts)
            {
                var since = step - fault.StartStep - alert.DelaySteps;
                var active = since >= 0 && step < fault.StartStep + fault.DurationSteps;
                if (active && alert.FlapUpSteps > 0)
                {
                    active = since % (alert.FlapUpSteps + alert.FlapDownSteps) < alert.FlapUpSteps;
                }

                Track(alert.Entity, alert.Name, alert.Severity, alert.Summary, active, step, t, forSteps: 0);
            }
        }
    }

    /// <summary>Fires after the condition held `for` steps, re-sends while firing (as Alertmanager's repeat does), resolves when it clears.</summary>
    private void Track(string entity, string name, string severity, string summary, bool condition, int step, DateTimeOffset t, int forSteps = AlertForSteps)
    {
        var key = entity + "/" + name;
        _alerts.TryGetValue(key, out var state);
        if (condition)
        {
            state ??= new AlertState(step);
            _alerts[key] = state;
            var firingFor = step - state.PendingSince;
            if (firingFor == forSteps)
            {
                state.StartsAt = t;
            }

            if (state.StartsAt is { } starts && (firingFor - forSteps) % ResendSteps == 0)
            {
                Alert(entity, name, severity, summary, "firing", starts, null, t);
            }
        }
        else if (state is not null)
        {
            if (state.StartsAt is { } starts)
            {
                Alert(entity, name, severity, summary, "resolved", starts, t, t);
            }

            _alerts.Remove(key);
        }
    }

    private void Alert(string entity, string name, string severity, string summary, string status, DateTimeOffset startsAt, DateTimeOffset? endsAt, DateTimeOffset t)
    {
        var isNode = entity.StartsWith("node-", StringComparison.Ordinal);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["alertname"] = name, ["severity"] = severity };
        if (_spec.KubeLabels && KubeExporter(name) is { } exporter)
        {
            KubeAlertLabels(labels, entity, isNode, exporter);
        }
        else if (isNode)
        {
            labels["node"] = entity;
        }
        else if (_components.FirstOrDefault(c => c.Name == entity) is { } component)
        {
            labels["service"] = entity;
            labels["namespace"] = SimulatedSystem.Namespace;
            labels["node"] = component.Node;
        }
        else
        {
            labels["service"] = entity; // outside the shop (batch jobs, relays)
        }

        var fingerprint = StableHash.Hex(StableHash.Of(string.Empty, LabelSet.From(labels)));
        var alert = new Dictionary<string, object?>
        {
            ["status"] = status,
            ["labels"] = labels,
            ["annotations"] = new Dictionary<string, string> { ["summary"] = summary },
            ["startsAt"] = Rfc3339(startsAt),
            ["endsAt"] = endsAt is { } end ? Rfc3339(end) : "0001-01-01T00:00:00Z",
            ["generatorURL"] = "http://prometheus:9090/graph",
            ["fingerprint"] = fingerprint,
        };
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["version"] = "4",
            ["groupKey"] = $"{{}}:{{alertname=\"{name}\"}}",
            ["status"] = status,
            ["receiver"] = "aiops",
            ["groupLabels"] = new Dictionary<string, string> { ["alertname"] = name },
            ["commonLabels"] = labels,
            ["externalURL"] = "http://alertmanager:9093",
            ["alerts"] = new[] { alert },
        });
        Emit("telemetry.events", entity, t, payload);
    }

    /// <summary>Which exporter's series a kube-prometheus alert of this name is computed from, or null for the shop's own rules.</summary>
    private static string? KubeExporter(string name) => name switch
    {
        _ when name.StartsWith("Kube", StringComparison.Ordinal) => "kube-state-metrics",
        "PodRestarted" => "kube-state-metrics",
        "CPUThrottlingHigh" or "HighMemoryUsage" => "kubelet",
        _ => null,
    };

    /// <summary>
    /// The exporter's own job, service and instance (as kube-prometheus scrapes it) plus what the series is about: the
    /// node, or the namespace and the pod its controller named (a Deployment's `name-hash-xxxxx`, a datastore's
    /// StatefulSet `name-0`); no label names the affected service.
    /// </summary>
    private void KubeAlertLabels(SortedDictionary<string, string> labels, string entity, bool isNode, string exporter)
    {
        labels["job"] = exporter;
        labels["service"] = exporter == "kubelet" ? "kubelet" : "prometheus-kube-state-metrics";
        labels["instance"] = exporter == "kubelet" ? "10.0.0.11:10250" : "10.244.1.7:8080";
        if (isNode)
        {
            labels["node"] = entity;
            return;
        }

        labels["namespace"] = SimulatedSystem.Namespace;
        var component = _components.FirstOrDefault(c => c.Name == entity);
        labels["pod"] = component is { IsDatastore: true } ? $"{entity}-0" : $"{entity}-{GeneratedName(entity, 9)}-{GeneratedName(entity + "/pod", 5)}";
        labels["container"] = entity;
    }

    // Kubernetes' generated-name alphabet, drawn from a hash of the seed text so a pod keeps its name.
    private static string GeneratedName(string seed, int length)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var hash = StableHash.Of(seed);
        var name = new char[length];
        for (var i = 0; i < length; i++)
        {
            name[i] = alphabet[(int)(hash % (ulong)alphabet.Length)];
            hash /= (ulong)alphabet.Length;
        }

        return new string(name);
    }

    private sealed class AlertState(int pendingSince)
    {
        public int PendingSince { get; } = pendingSince;

        public DateTimeOffset? StartsAt { get; set; }
    }
}
