using AIOps.Kafka.Tests.Support;
using AIOps.Server.Demo;

namespace AIOps.IntegrationTests.Support;

/// <summary>Produces messages with kcat, one process per topic, one message per line (payloads are single-line).</summary>
internal static class KcatProducer
{
    public static async Task<int> ProduceAsync(string bootstrap, IEnumerable<DemoMessage> messages)
    {
        var count = 0;
        foreach (var topic in messages.GroupBy(m => m.Topic))
        {
            var lines = topic.Select(m => m.Payload).ToList();
            await Kcat.RunAsync($"-b {bootstrap} -t {topic.Key} -P -z none", string.Join('\n', lines) + "\n", timeoutSeconds: 60);
            count += lines.Count;
        }

        return count;
    }
}
