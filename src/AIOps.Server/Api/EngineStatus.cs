using AIOps.Core.Topology;

namespace AIOps.Server.Api;

/// <summary>
/// What the API knows of the running engine: health for /healthz, and the parts it shows or reloads
/// (topology, rules folder, counters). The host fills it once the pipeline exists.
/// </summary>
public sealed class EngineStatus
{
    public string Kafka { get; set; } = string.Empty;

    public bool Healthy { get; set; } = true;

    public string? Error { get; set; }

    /// <summary>The pipeline's dependency graph (static edges from topology.yaml plus edges learned from spans).</summary>
    public DependencyGraph Topology { get; set; } = new();

    /// <summary>Folder of topology.yaml; null when the engine was started without one.</summary>
    public string? RulesDirectory { get; set; }

    /// <summary>The parsed topology.yaml (owners, hosts) last loaded; the API fills it lazily and on reload.</summary>
    public AIOps.Correlation.Topology.TopologyDocument? TopologyDocument { get; set; }

    public Func<long>? MessagesHandled { get; set; }

    public Func<long>? DeadLetters { get; set; }

    /// <summary>The correlator's run-time silences (matcher-based; POST/DELETE /api/v1/silences).</summary>
    public AIOps.Correlation.Rules.ISilenceStore Silences { get; set; } = new AIOps.Correlation.Rules.SilenceRegistry();
}
