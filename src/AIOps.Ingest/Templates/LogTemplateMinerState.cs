namespace AIOps.Ingest.Templates;

/// <summary>The persisted form of a miner (JSON). Clusters are listed most recently used first.</summary>
internal sealed record LogTemplateMinerState(int Version, long Evictions, List<LogClusterState> Clusters)
{
    public const int CurrentVersion = 1;
}

internal sealed record LogClusterState(string Id, string Template, long Count, List<TemplateShapeState> Shapes, List<string> SkeletonKeys);

internal sealed record TemplateShapeState(string[] Path, string[] Tokens, long Matches);
