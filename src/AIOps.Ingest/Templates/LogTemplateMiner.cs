using AIOps.Core.Model;

namespace AIOps.Ingest.Templates;

/// <summary>
/// Streaming Drain-style template miner: mask values, route by token count and the first tokens through a
/// fixed-depth tree, join the most similar template in the leaf (turning differing positions into wildcards)
/// or start a new one. One online pass; a message is assigned when it arrives and never re-assigned.
/// Beyond Drain: the similarity types wildcards (a wildcard matches a value-like token, not a plain word); a
/// message whose constant words equal those of a known template joins it even when its token count differs (a
/// value that spans several tokens, an optional parameter); and once a template has matched
/// <see cref="LogTemplateMinerOptions.SettledAfter"/> messages, another word where it still has a word starts a
/// new template (a parameter would have varied by then) instead of generalizing it.
/// Ids are the stable hash of the first template text, kept while the template generalizes.
/// Not thread-safe: use one miner per partition or stream.
/// </summary>
public sealed partial class LogTemplateMiner
{
    private const string Wildcard = LogTemplateMinerDefaults.Wildcard;

    /// <summary>Fewer constant words than this are too weak a signature to join templates of another length.</summary>
    private const int MinimumSkeletonWords = 2;

    /// <summary>Joining by constant words aligns token lists (quadratic); longer messages only match by position.</summary>
    private const int MaximumAlignedTokens = 256;

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', '\f', '\v'];

    private readonly LogTemplateMinerOptions _options;
    private readonly LogMasker _masker;
    private readonly Dictionary<int, ParseTreeNode> _byLength = [];
    private readonly Dictionary<string, LogCluster> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LogCluster> _bySkeleton = new(StringComparer.Ordinal);
    private readonly LinkedList<LogCluster> _lru = new();

    public LogTemplateMiner(LogTemplateMinerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _masker = new LogMasker(options.MaskingRules);
    }

    /// <summary>Templates currently kept.</summary>
    public int Count => _byId.Count;

    /// <summary>Templates dropped by the LRU bound since this miner (or the state it was loaded from) started.</summary>
    public long Evictions { get; private set; }

    /// <summary>Assigns a message to a template, creating or generalizing one as needed.</summary>
    public TemplateMatch Add(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var tokens = Tokenize(_masker.Mask(message));

        var leaf = FindLeaf(tokens);
        var shape = leaf is null ? null : BestShape(leaf, tokens);
        if (shape is not null)
        {
            return Matched(shape, tokens);
        }

        var skeleton = tokens.Length <= MaximumAlignedTokens ? TemplateAlignment.SkeletonKey(tokens, MinimumSkeletonWords) : null;
        if (skeleton is not null && _bySkeleton.TryGetValue(skeleton, out var cluster) && cluster.Shapes[0].Tokens.Length <= MaximumAlignedTokens)
        {
            return JoinedByWords(cluster, tokens);
        }

        return Created(tokens);
    }

    /// <summary>The kept templates, most recently matched first.</summary>
    public IReadOnlyList<LogTemplate> Snapshot()
    {
        var templates = new List<LogTemplate>(_byId.Count);
        foreach (var cluster in _lru)
        {
            templates.Add(new LogTemplate(cluster.Id, cluster.Template, cluster.Count));
        }

        return templates;
    }

    /// <summary>The current template text of an id, if it is still kept.</summary>
    public bool TryGetTemplate(string templateId, out string template)
    {
        if (_byId.TryGetValue(templateId, out var cluster))
        {
            template = cluster.Template;
            return true;
        }

        template = string.Empty;
        return false;
    }

    private static string[] Tokenize(string masked) => masked.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    private TemplateMatch Matched(TemplateShape shape, string[] tokens)
    {
        var cluster = shape.Cluster;
        shape.Matches++;
        if (TemplateAlignment.Generalize(shape.Tokens, tokens))
        {
            cluster.RefreshTemplate();
            RegisterSkeleton(cluster, shape.Tokens);
        }

        return Touch(cluster, isNew: false);
    }

    private TemplateMatch JoinedByWords(LogCluster cluster, string[] tokens)
    {
        var path = RoutePath(tokens);
        var leaf = GetOrCreateLeaf(tokens.Length, path);
        TemplateShape? sameLeaf = null;
        foreach (var shape in leaf.Shapes)
        {
            if (shape.Cluster == cluster)
            {
                sameLeaf = shape;
                break;
            }
        }

        if (sameLeaf is not null)
        {
            return Matched(sameLeaf, tokens);
        }

        var added = new TemplateShape(cluster, path, (string[])tokens.Clone(), leaf.Shapes);
        leaf.Shapes.Add(added);
        cluster.Shapes.Add(added);
        cluster.RefreshTemplate();
        return Touch(cluster, isNew: false);
    }

    private TemplateMatch Created(string[] tokens)
    {
        var text = string.Join(' ', tokens);
        var cluster = new LogCluster(NewId(text));
        var path = RoutePath(tokens);
        var leaf = GetOrCreateLeaf(tokens.Length, path);
        var shape = new TemplateShape(cluster, path, (string[])tokens.Clone(), leaf.Shapes);
        leaf.Shapes.Add(shape);
        cluster.Shapes.Add(shape);
        cluster.Template = text;
        _byId.Add(cluster.Id, cluster);
        RegisterSkeleton(cluster, tokens);
        cluster.LruNode = _lru.AddFirst(cluster);
        var match = Touch(cluster, isNew: true);
        EvictOverflow();
        return match;
    }

    /// <summary>Id = stable hash of the first template text; a live clash (rare) is salted until unique.</summary>
    private string NewId(string text)
    {
        var hash = StableHash.Of(text);
        var id = StableHash.Hex(hash);
        for (ulong salt = 1; _byId.ContainsKey(id); salt++)
        {
            id = StableHash.Hex(StableHash.Combine(hash, salt));
        }

        return id;
    }

    private TemplateMatch Touch(LogCluster cluster, bool isNew)
    {
        cluster.Count++;
        var node = cluster.LruNode!;
        if (node != _lru.First)
        {
            _lru.Remove(node);
            _lru.AddFirst(node);
        }

        return new TemplateMatch(cluster.Id, cluster.Template, isNew);
    }

    private void RegisterSkeleton(LogCluster cluster, string[] tokens)
    {
        var key = TemplateAlignment.SkeletonKey(tokens, MinimumSkeletonWords);
        if (key is not null && _bySkeleton.TryAdd(key, cluster))
        {
            cluster.SkeletonKeys.Add(key);
        }
    }

    private void EvictOverflow()
    {
        while (_byId.Count > _options.MaxClusters)
        {
            var victim = _lru.Last!.Value;
            _lru.RemoveLast();
            _byId.Remove(victim.Id);
            foreach (var shape in victim.Shapes)
            {
                RemoveShape(shape);
            }

            foreach (var key in victim.SkeletonKeys)
            {
                _bySkeleton.Remove(key);
            }

            Evictions++;
        }
    }
}
