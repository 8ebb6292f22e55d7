using System.CommandLine;
using AIOps.Kafka;
using AIOps.Kafka.Embedded;

namespace AIOps.Cli.Commands;

internal static class BrokerCommand
{
    public static Command Create()
    {
        var brokers = new Option<int>("--brokers") { Description = "Number of mock brokers.", DefaultValueFactory = _ => 1 };
        var partitions = new Option<int>("--partitions") { Description = "Partitions of each default topic.", DefaultValueFactory = _ => 4 };
        var command = new Command("broker", """
            Run an embedded Kafka-protocol broker (librdkafka's mock cluster) with the engine's topics, until Ctrl+C.
            It keeps only the newest few MB per partition in memory: consume while you produce.
            Example:
              aiops broker --brokers 3
              kcat -b <printed address> -t telemetry.metrics -P
            """);
        command.Options.Add(brokers);
        command.Options.Add(partitions);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var cluster = EmbeddedKafkaCluster.Start(parse.GetValue(brokers));
            cluster.CreateTopics(
                [.. KafkaDefaults.InputTopics.Keys, KafkaDefaults.IncidentsTopic, KafkaDefaults.SignalsTopic, KafkaDefaults.DlqTopic],
                parse.GetValue(partitions));
            Console.WriteLine(cluster.BootstrapServers);
            await Console.Error.WriteLineAsync($"Embedded Kafka broker(s) at {cluster.BootstrapServers}; topics: {string.Join(", ", KafkaDefaults.InputTopics.Keys)}, {KafkaDefaults.IncidentsTopic}, {KafkaDefaults.SignalsTopic}, {KafkaDefaults.DlqTopic}. Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return command;
    }
}
