using AIOps.Kafka.Embedded;

namespace AIOps.Kafka.Tests.Support;

internal static class KafkaTestOptions
{
    /// <summary>Options bound to the given topics on the cluster, with a fresh group and a short idle interval.</summary>
    public static KafkaOptions For(EmbeddedKafkaCluster cluster, params string[] topics) => new()
    {
        BootstrapServers = cluster.BootstrapServers,
        GroupId = "g-" + Guid.NewGuid().ToString("N"),
        InputTopics = topics.ToDictionary(t => t, _ => KafkaDefaults.AutoFormat),
        IdleIntervalMs = 100,
        // The mock broker makes a joiner wait (session timeout - 1 s) after the last member left a group;
        // a short session keeps restart tests fast. This also exercises the ClientConfig pass-through.
        ClientConfig = new() { ["session.timeout.ms"] = "2000", ["heartbeat.interval.ms"] = "500" },
    };

    public static async Task<T> Within<T>(this Task<T> task, int seconds = 10) => await task.WaitAsync(TimeSpan.FromSeconds(seconds));

    public static async Task Within(this Task task, int seconds = 10) => await task.WaitAsync(TimeSpan.FromSeconds(seconds));
}
