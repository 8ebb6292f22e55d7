namespace AIOps.Ingest.Templates;

/// <summary>The fixed-depth parse tree: token count, then the first Depth - 2 tokens, then leaf shapes.</summary>
public sealed partial class LogTemplateMiner
{
    private int PrefixDepth(int tokenCount) => Math.Min(_options.Depth - 2, tokenCount);

    /// <summary>Follows existing routes only; values and unknown words fall back to the wildcard branch.</summary>
    private ParseTreeNode? FindLeaf(string[] tokens)
    {
        if (!_byLength.TryGetValue(tokens.Length, out var node))
        {
            return null;
        }

        var depth = PrefixDepth(tokens.Length);
        for (var i = 0; i < depth; i++)
        {
            var token = tokens[i];
            if (TemplateAlignment.IsVariable(token) || !node.Children.TryGetValue(token, out var next))
            {
                if (!node.Children.TryGetValue(Wildcard, out next))
                {
                    return null;
                }
            }

            node = next;
        }

        return node;
    }

    private TemplateShape? BestShape(ParseTreeNode leaf, string[] tokens)
    {
        TemplateShape? best = null;
        var bestSimilarity = -1.0;
        var bestParameters = -1;
        foreach (var shape in leaf.Shapes)
        {
            // A word that held across many messages identifies the event; another word there is another event.
            var settled = _options.SettledAfter > 0 && shape.Matches >= _options.SettledAfter;
            if (settled && TemplateAlignment.DiffersInWord(shape.Tokens, tokens))
            {
                continue;
            }

            var (similarity, parameters) = TemplateAlignment.Similarity(shape.Tokens, tokens);
            if (similarity > bestSimilarity || (similarity == bestSimilarity && parameters > bestParameters))
            {
                best = shape;
                bestSimilarity = similarity;
                bestParameters = parameters;
            }
        }

        return bestSimilarity >= _options.SimilarityThreshold ? best : null;
    }

    /// <summary>
    /// The route a new shape takes: an existing child, a new child while the node has room, else the wildcard
    /// branch. Value-like tokens always take the wildcard branch so ids do not fan the tree out.
    /// </summary>
    private string[] RoutePath(string[] tokens)
    {
        var depth = PrefixDepth(tokens.Length);
        var path = new string[depth];
        _byLength.TryGetValue(tokens.Length, out var node);
        for (var i = 0; i < depth; i++)
        {
            var token = tokens[i];
            string key;
            if (TemplateAlignment.IsVariable(token))
            {
                key = Wildcard;
            }
            else if (node is null || node.Children.ContainsKey(token))
            {
                key = token;
            }
            else
            {
                var named = node.Children.Count - (node.Children.ContainsKey(Wildcard) ? 1 : 0);
                key = named < _options.MaxChildren - 1 ? token : Wildcard;
            }

            path[i] = key;
            if (node is not null)
            {
                node.Children.TryGetValue(key, out node);
            }
        }

        return path;
    }

    private ParseTreeNode GetOrCreateLeaf(int tokenCount, string[] path)
    {
        if (!_byLength.TryGetValue(tokenCount, out var node))
        {
            node = new ParseTreeNode();
            _byLength.Add(tokenCount, node);
        }

        foreach (var key in path)
        {
            if (!node.Children.TryGetValue(key, out var next))
            {
                next = new ParseTreeNode();
                node.Children.Add(key, next);
            }

            node = next;
        }

        return node;
    }

    /// <summary>Removes a shape and every tree node it leaves empty, so eviction really frees memory.</summary>
    private void RemoveShape(TemplateShape shape)
    {
        shape.Leaf.Remove(shape);
        var length = shape.Tokens.Length;
        if (!_byLength.TryGetValue(length, out var root))
        {
            return;
        }

        var nodes = new ParseTreeNode[shape.Path.Length + 1];
        nodes[0] = root;
        for (var i = 0; i < shape.Path.Length; i++)
        {
            if (!nodes[i].Children.TryGetValue(shape.Path[i], out var next))
            {
                return;
            }

            nodes[i + 1] = next;
        }

        for (var i = shape.Path.Length; i > 0; i--)
        {
            if (nodes[i].Children.Count > 0 || nodes[i].Shapes.Count > 0)
            {
                return;
            }

            nodes[i - 1].Children.Remove(shape.Path[i - 1]);
        }

        if (root.Children.Count == 0 && root.Shapes.Count == 0)
        {
            _byLength.Remove(length);
        }
    }

    /// <summary>Tree nodes currently allocated (for tests of the memory bound).</summary>
    internal int TreeNodeCount()
    {
        var count = 0;
        var stack = new Stack<ParseTreeNode>(_byLength.Values);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            count++;
            foreach (var child in node.Children.Values)
            {
                stack.Push(child);
            }
        }

        return count;
    }
}
