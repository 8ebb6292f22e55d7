using AIOps.Core.Model;

namespace AIOps.Ingest.Kubernetes;

/// <summary>
/// What a Kubernetes event means for correlation: rollout steps (ScalingReplicaSet, Pulled, Created, Started,
/// Killing, ...) are changes, the kind root cause looks for shortly before an incident; Warning events are alerts
/// (Error for the ones that take capacity away: OOM, eviction, node not ready); other Normal events are info.
/// </summary>
internal static class KubernetesEventClassifier
{
    private static readonly HashSet<string> ChangeReasons = new(StringComparer.Ordinal)
    {
        "ScalingReplicaSet", "SuccessfulCreate", "SuccessfulDelete", "SuccessfulRescale", "Scheduled", "Pulling", "Pulled",
        "Created", "Started", "Killing", "DeploymentRollback", "DeploymentUpdated", "Updated", "RollingUpdate",
        "SuccessfulUpdate", "Preempted", "NodeSchedulable", "NodeNotSchedulable", "Drain", "ConfigChanged",
    };

    private static readonly HashSet<string> ErrorReasons = new(StringComparer.Ordinal)
    {
        "OOMKilling", "SystemOOM", "Evicted", "NodeNotReady", "FailedKillPod", "NodeHasDiskPressure", "NodeHasInsufficientMemory",
    };

    public static (EventKind Kind, Severity Severity) Classify(string type, string reason)
    {
        if (type == "Warning")
        {
            return (EventKind.Alert, ErrorReasons.Contains(reason) ? Severity.Error : Severity.Warning);
        }

        return ChangeReasons.Contains(reason) ? (EventKind.Change, Severity.Info) : (EventKind.Info, Severity.Info);
    }

    /// <summary>
    /// The workload (service) behind an object: the name of a Deployment, StatefulSet or DaemonSet; a ReplicaSet
    /// without its template hash; a Deployment's pod (<c>name-hash-xxxxx</c>) or a StatefulSet's (<c>name-0</c>)
    /// without its suffixes. Null when the name does not say.
    /// </summary>
    public static string? Workload(string kind, string name)
    {
        switch (kind)
        {
            case "Deployment" or "StatefulSet" or "DaemonSet" or "HorizontalPodAutoscaler" or "Service" or "CronJob":
                return name;
            case "ReplicaSet":
                return StripSuffix(name, IsTemplateHash) ?? name;
            case "Pod":
                var withoutPodSuffix = StripSuffix(name, s => s.Length == 5 && IsLowerAlphanumeric(s));
                if (withoutPodSuffix is not null && StripSuffix(withoutPodSuffix, IsTemplateHash) is { } deployment)
                {
                    return deployment;
                }

                return StripSuffix(name, s => s.Length is > 0 and <= 4 && s.All(char.IsAsciiDigit));
            default:
                return null;
        }
    }

    private static string? StripSuffix(string name, Func<string, bool> isSuffix)
    {
        var dash = name.LastIndexOf('-');
        return dash > 0 && isSuffix(name[(dash + 1)..]) ? name[..dash] : null;
    }

    private static bool IsTemplateHash(string s) => s.Length is >= 5 and <= 10 && IsLowerAlphanumeric(s) && s.Any(char.IsAsciiDigit);

    private static bool IsLowerAlphanumeric(string s) => s.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));
}
