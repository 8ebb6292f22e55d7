namespace AIOps.Ingest.Templates;

/// <summary>
/// One token-count variant of a cluster, stored in one tree leaf and matched position by position.
/// A cluster usually has one shape; it gains more when messages with the same constant words but a
/// different number of parameter tokens join it.
/// </summary>
internal sealed class TemplateShape(LogCluster cluster, string[] path, string[] tokens, List<TemplateShape> leaf)
{
    public LogCluster Cluster { get; set; } = cluster;

    /// <summary>The tree keys under the token-count layer, kept so a restore rebuilds the same routes.</summary>
    public string[] Path { get; } = path;

    public string[] Tokens { get; } = tokens;

    public List<TemplateShape> Leaf { get; } = leaf;

    /// <summary>Messages matched by this shape; every constant position held its value for all of them.</summary>
    public long Matches { get; set; } = 1;
}
