namespace AIOps.RootCause.Incidents;

/// <summary>
/// A host as the cause of its services' trouble. When two or more of an incident's anomalous entities run on one host
/// and went wrong together, the host explains all of them at once, which none of them does for the others. A host
/// with its own signal (node NotReady, host down, disk or memory pressure) counts when its services started no earlier
/// than <see cref="RankingWeights.SharedCauseWindow"/> before it; a silent host only when its services went wrong
/// within that window of each other and the call graph does not connect them all (otherwise one of them calling the
/// other already explains it, and the shared host is a coincidence of placement). Pure function of the candidates'
/// onsets, hosts and neighbour lists, so a reused ranking stays valid.
/// </summary>
internal static class HostCauseInference
{
    /// <summary>Host candidate -> the anomalous entities on it that it is inferred to explain (only hosts with two or more).</summary>
    public static Dictionary<string, List<string>> Infer(List<CandidateFeatures> features, TimeSpan window)
    {
        var inferred = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (window <= TimeSpan.Zero)
        {
            return inferred;
        }

        Dictionary<string, List<CandidateFeatures>>? onHost = null;
        var byEntity = new Dictionary<string, CandidateFeatures>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            byEntity[f.Entity] = f;
            if (f.Onset is null)
            {
                continue;
            }

            foreach (var host in f.Hosts)
            {
                onHost ??= new Dictionary<string, List<CandidateFeatures>>(StringComparer.Ordinal);
                if (!onHost.TryGetValue(host, out var list))
                {
                    onHost[host] = list = [];
                }

                list.Add(f);
            }
        }

        if (onHost is null)
        {
            return inferred;
        }

        foreach (var (host, services) in onHost)
        {
            if (services.Count < 2 || !byEntity.TryGetValue(host, out var hostFeatures))
            {
                continue;
            }

            var affected = hostFeatures.Onset is { } hostOnset
                ? services.Where(s => s.Onset >= hostOnset - window).ToList()
                : Together(services, window);
            if (affected.Count >= 2 && (hostFeatures.IsAnomalous || !Connected(affected)))
            {
                inferred[host] = [.. affected.Select(s => s.Entity)];
            }
        }

        return inferred;
    }

    /// <summary>The services whose onset lies within the window after the earliest of them.</summary>
    private static List<CandidateFeatures> Together(List<CandidateFeatures> services, TimeSpan window)
    {
        var first = services.Min(s => s.Onset!.Value);
        return services.Where(s => s.Onset!.Value - first <= window).ToList();
    }

    /// <summary>True when the declared edges among the services join them into one part.</summary>
    private static bool Connected(List<CandidateFeatures> services) => CallGraphParts.Split(services).Count == 1;
}
