using AIOps.Core.Pipeline;
using AIOps.Kafka.Consuming;

namespace AIOps.Server.Hosting;

/// <summary>
/// The engine's backlog hold (<see cref="IncidentEngine.Hold"/>) from the consumer's measured lag: every assigned
/// partition more than <c>catchUpLag</c> messages behind holds the incident clock at the newest event it has
/// delivered (at the start of time while it delivered none). A partition that is caught up holds nothing, however
/// sparse, so in steady state signals pass straight through.
/// </summary>
internal static class ConsumerLagHold
{
    public static Func<SourceClocks, DateTimeOffset?>? Create(Func<IReadOnlyList<PartitionLag>> lag, long catchUpLag)
    {
        if (catchUpLag <= 0)
        {
            return null;
        }

        return sources =>
        {
            DateTimeOffset? hold = null;
            foreach (var partition in lag())
            {
                if (partition.Lag > catchUpLag)
                {
                    hold = sources.HoldFor(hold, partition.Topic, partition.Partition);
                }
            }

            return hold;
        };
    }
}
