namespace AIOps.Correlation.Topology;

/// <summary>The shape of <c>rules/topology.yaml</c>: services, where they run, who owns them, what they call.</summary>
public sealed class TopologyDocument
{
    public List<ServiceNode> Services { get; set; } = [];
}

public sealed class ServiceNode
{
    public string Name { get; set; } = string.Empty;

    public string? Owner { get; set; }

    public List<string> Hosts { get; set; } = [];

    /// <summary>Services this one calls.</summary>
    public List<string> DependsOn { get; set; } = [];
}
