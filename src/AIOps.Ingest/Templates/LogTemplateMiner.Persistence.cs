using System.Text.Json;
using AIOps.Core.Serialization;

namespace AIOps.Ingest.Templates;

/// <summary>Save and restore, so template ids and their generalizations survive restarts.</summary>
public sealed partial class LogTemplateMiner
{
    /// <summary>Writes the templates, routes and LRU order as JSON.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var clusters = new List<LogClusterState>(_byId.Count);
        foreach (var cluster in _lru)
        {
            var shapes = new List<TemplateShapeState>(cluster.Shapes.Count);
            foreach (var shape in cluster.Shapes)
            {
                shapes.Add(new TemplateShapeState(shape.Path, shape.Tokens, shape.Matches));
            }

            clusters.Add(new LogClusterState(cluster.Id, cluster.Template, cluster.Count, shapes, cluster.SkeletonKeys));
        }

        var state = new LogTemplateMinerState(LogTemplateMinerState.CurrentVersion, Evictions, clusters);
        JsonSerializer.Serialize(stream, state, AiopsJson.Options);
    }

    /// <summary>Restores a miner saved by <see cref="Save"/>; masking and thresholds come from <paramref name="options"/>.</summary>
    public static LogTemplateMiner Load(Stream stream, LogTemplateMinerOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var state = JsonSerializer.Deserialize<LogTemplateMinerState>(stream, AiopsJson.Options)
            ?? throw new InvalidDataException("Empty template miner state.");
        if (state.Version != LogTemplateMinerState.CurrentVersion)
        {
            throw new InvalidDataException($"Unsupported template miner state version {state.Version}.");
        }

        var miner = new LogTemplateMiner(options) { Evictions = state.Evictions };
        foreach (var saved in state.Clusters)
        {
            miner.Restore(saved);
        }

        // A smaller bound than the saved state had applies at once, evicting the least recently used.
        miner.EvictOverflow();
        return miner;
    }

    private void Restore(LogClusterState saved)
    {
        if (saved.Shapes.Count == 0)
        {
            throw new InvalidDataException($"Template {saved.Id} has no shapes.");
        }

        var cluster = new LogCluster(saved.Id) { Count = saved.Count, Template = saved.Template };
        foreach (var shapeState in saved.Shapes)
        {
            // A state saved with another depth is re-routed; the shapes and ids stay as they were.
            var path = shapeState.Path.Length == PrefixDepth(shapeState.Tokens.Length) ? shapeState.Path : RoutePath(shapeState.Tokens);
            var leaf = GetOrCreateLeaf(shapeState.Tokens.Length, path);
            var shape = new TemplateShape(cluster, path, shapeState.Tokens, leaf.Shapes) { Matches = shapeState.Matches };
            leaf.Shapes.Add(shape);
            cluster.Shapes.Add(shape);
        }

        foreach (var key in saved.SkeletonKeys)
        {
            if (_bySkeleton.TryAdd(key, cluster))
            {
                cluster.SkeletonKeys.Add(key);
            }
        }

        _byId.Add(cluster.Id, cluster);
        cluster.LruNode = _lru.AddLast(cluster);
    }
}
