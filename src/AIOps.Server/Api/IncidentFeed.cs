using System.Threading.Channels;

namespace AIOps.Server.Api;

/// <summary>
/// Fans incident and action notifications out to the live streams. Each subscriber has a small bounded queue
/// that drops its oldest entry when a client reads too slowly: a notification only says "refetch", so losing
/// one of a burst loses nothing, and a stalled browser never holds up the pipeline that raises them.
/// </summary>
public sealed class IncidentFeed
{
    private const int QueueSize = 64;
    private readonly Lock _gate = new();
    private readonly List<Channel<FeedEvent>> _subscribers = [];

    public int Subscribers { get { lock (_gate) { return _subscribers.Count; } } }

    public void Publish(FeedEvent item)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(item);
            }
        }
    }

    public ChannelReader<FeedEvent> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(QueueSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }
}

/// <summary>One server-sent event: its type ("incident" or "action") and a small JSON payload.</summary>
public readonly record struct FeedEvent(string Type, string Json);
