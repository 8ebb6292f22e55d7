using System.Text.Json;

namespace AIOps.Accuracy.Correlation;

/// <summary>
/// The order a dump's messages reach the engine. The generator writes them in event-time order across topics, as a
/// live stream interleaves them; a consumer reading a backlog (a restart with lag, or kcat dumping topics that were
/// filled beforehand) gets each partition in large fetches instead: minutes of one topic, then of the next.
/// `chunked:N` delivers N messages of each topic in turn; `by-topic` one whole topic after the other (the worst case).
/// </summary>
internal sealed record DeliveryOrder(string Name, int Chunk)
{
    public static readonly DeliveryOrder Interleaved = new("interleaved", 0);

    public static DeliveryOrder Parse(string text) => text switch
    {
        "interleaved" => Interleaved,
        "by-topic" => new DeliveryOrder(text, int.MaxValue),
        _ when text.StartsWith("chunked:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(8), out var n) && n > 0 => new DeliveryOrder(text, n),
        _ => throw new ArgumentException($"--delivery {text}: interleaved, chunked:N (N messages per topic in turn) or by-topic"),
    };

    /// <summary>The lines in this delivery order; each topic keeps its own order.</summary>
    public IReadOnlyList<string> Apply(IReadOnlyList<string> lines)
    {
        if (Chunk == 0)
        {
            return lines;
        }

        var topics = lines.GroupBy(TopicOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Queue<string>(g)).ToList();
        var result = new List<string>(lines.Count);
        while (topics.Exists(q => q.Count > 0))
        {
            foreach (var queue in topics)
            {
                for (var i = 0; i < Chunk && queue.Count > 0; i++)
                {
                    result.Add(queue.Dequeue());
                }
            }
        }

        return result;
    }

    private static string TopicOf(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("topic").GetString() ?? string.Empty;
    }
}
