namespace AIOps.Ingest.Templates;

/// <summary>A template and its id. The id is fixed at creation and survives generalization and restarts.</summary>
internal sealed class LogCluster(string id)
{
    public string Id { get; } = id;

    public string Template { get; set; } = string.Empty;

    public long Count { get; set; }

    public List<TemplateShape> Shapes { get; } = [];

    /// <summary>Constant-word keys registered for this cluster, removed again on eviction.</summary>
    public List<string> SkeletonKeys { get; } = [];

    public LinkedListNode<LogCluster>? LruNode { get; set; }

    /// <summary>Rebuilds the display template: one shape as is, several aligned into one with wildcards where they differ.</summary>
    public void RefreshTemplate()
    {
        var merged = Shapes[0].Tokens;
        for (var i = 1; i < Shapes.Count; i++)
        {
            merged = TemplateAlignment.Merge(merged, Shapes[i].Tokens);
        }

        Template = string.Join(' ', merged);
    }
}
