namespace AIOps.Ingest.Templates;

/// <summary>An inner node of the fixed-depth tree (keyed by one prefix token) or a leaf holding shapes.</summary>
internal sealed class ParseTreeNode
{
    public Dictionary<string, ParseTreeNode> Children { get; } = new(StringComparer.Ordinal);

    public List<TemplateShape> Shapes { get; } = [];
}
