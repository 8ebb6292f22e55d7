namespace AIOps.Core.Topology;

/// <summary>A directed call edge: <see cref="Caller"/> depends on <see cref="Callee"/>.</summary>
public readonly record struct DependencyEdge(string Caller, string Callee, DateTimeOffset LastSeen, bool Static);
