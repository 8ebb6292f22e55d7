using AIOps.Core.Pipeline;
using AIOps.Server.Replay;

namespace AIOps.Accuracy.Correlation;

/// <summary>
/// Consumer lag as a replay can know it, for the engine's backlog hold (the same rule as the Kafka host's): a topic's
/// lag is how many of its messages stamped no later than the newest event delivered so far are still to come (a
/// live consumer would already have them waiting); more than <see cref="CatchUpLag"/> behind, it holds the incident
/// clock at the newest event it delivered. A sparse topic whose next message is in the future is caught up.
/// </summary>
internal static class BacklogHold
{
    /// <summary>The harness's threshold: scenario topics are small, so a tenth of the Kafka host's default.</summary>
    public const int CatchUpLag = 1000;

    public static Func<SourceClocks, DateTimeOffset?> FromDump(string dump)
    {
        var stamps = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(dump))
        {
            if (KcatEnvelope.TryParse(line, out var message, out _) && message.Timestamp is { } ts)
            {
                (stamps.TryGetValue(message.Topic, out var list) ? list : stamps[message.Topic] = []).Add(ts);
            }
        }

        foreach (var list in stamps.Values)
        {
            list.Sort();
        }

        return sources =>
        {
            DateTimeOffset? hold = null;
            foreach (var (topic, list) in stamps)
            {
                if (UpTo(list, sources.Newest) - sources.MessagesOf(topic, 0) > CatchUpLag)
                {
                    hold = sources.HoldFor(hold, topic, 0);
                }
            }

            return hold;
        };
    }

    // How many stamps are at or before the time (the list is sorted).
    private static int UpTo(List<DateTimeOffset> sorted, DateTimeOffset time)
    {
        var index = sorted.BinarySearch(time);
        if (index < 0)
        {
            return ~index;
        }

        while (index + 1 < sorted.Count && sorted[index + 1] == time)
        {
            index++;
        }

        return index + 1;
    }
}
