using System.Text;
using AIOps.Kafka.Embedded;
using AIOps.Kafka.Tests.Support;
using Confluent.Kafka;

namespace AIOps.Kafka.Tests.Embedded;

public sealed class EmbeddedKafkaClusterTests
{
    [Fact]
    public async Task Start_KcatProducesAndConsumes_RoundTrips()
    {
        using var sut = EmbeddedKafkaCluster.Start();
        sut.CreateTopic("t");

        await Kcat.RunAsync($"-b {sut.BootstrapServers} -P -t t", "alpha\nbeta\ngamma\n");
        var output = await Kcat.RunAsync($"-b {sut.BootstrapServers} -C -t t -e -o beginning -q");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();
        Assert.Equal(["alpha", "beta", "gamma"], lines);
    }

    [Fact]
    public async Task Start_KcatProducesConfluentConsumes_SeesKeysAndValues()
    {
        using var sut = EmbeddedKafkaCluster.Start();
        sut.CreateTopic("keyed", 2);

        await Kcat.RunAsync($"-b {sut.BootstrapServers} -P -t keyed -K :", "k1:v1\nk2:v2\n");
        var read = TopicReader.Read(sut.BootstrapServers, "keyed", 2);

        var pairs = read.Select(r => $"{Encoding.UTF8.GetString(r.Message.Key)}={Encoding.UTF8.GetString(r.Message.Value)}").Order();
        Assert.Equal(["k1=v1", "k2=v2"], pairs);
    }

    [Fact]
    public async Task Start_ConfluentProducerAndGroupConsumer_RoundTripsAndCommits()
    {
        using var sut = EmbeddedKafkaCluster.Start(brokers: 3);
        const string topic = "round.trip";
        sut.CreateTopic(topic);
        await TopicReader.ProduceAsync(sut.BootstrapServers, topic, Enumerable.Range(0, 20).Select(i => ((string?)$"k{i}", $"v{i}")));

        var config = new ConsumerConfig
        {
            BootstrapServers = sut.BootstrapServers,
            GroupId = "group-a",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(topic);
        var values = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (values.Count < 20 && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is not null)
            {
                values.Add(result.Message.Value);
            }
        }

        var committed = consumer.Commit();
        var committedTotal = consumer.Committed(committed.Select(c => c.TopicPartition), TimeSpan.FromSeconds(5))
            .Sum(c => c.Offset.Value);
        consumer.Close();

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"v{i}").Order(), values.Order());
        Assert.Equal(EmbeddedKafkaCluster.DefaultPartitions, committed.Count);
        Assert.Equal(20, committedTotal);
    }

    [Fact]
    public void CreateTopic_WithPartitionCount_MetadataShowsIt()
    {
        using var sut = EmbeddedKafkaCluster.Start(brokers: 2);
        sut.CreateTopic("seven", 7);
        sut.CreateTopics(["a", "b"]);

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = sut.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(5));

        Assert.Equal(2, metadata.Brokers.Count);
        Assert.Equal(7, metadata.Topics.Single(t => t.Topic == "seven").Partitions.Count);
        Assert.Equal(EmbeddedKafkaCluster.DefaultPartitions, metadata.Topics.Single(t => t.Topic == "a").Partitions.Count);
    }

    [Fact]
    public void Start_TwoBrokers_BootstrapListsBothOnLoopback()
    {
        using var sut = EmbeddedKafkaCluster.Start(brokers: 2);

        var servers = sut.BootstrapServers.Split(',');
        Assert.Equal(2, servers.Length);
        Assert.All(servers, s => Assert.Matches(@"^(127\.0\.0\.1|localhost):\d+$", s));
    }

    [Fact]
    public void Dispose_ThenCreateTopic_Throws()
    {
        var sut = EmbeddedKafkaCluster.Start();
        sut.Dispose();
        sut.Dispose();

        Assert.Throws<ObjectDisposedException>(() => sut.CreateTopic("late"));
    }

    [Fact]
    public void SetBrokerDown_UnknownBroker_Throws()
    {
        using var sut = EmbeddedKafkaCluster.Start();

        Assert.Throws<InvalidOperationException>(() => sut.SetBrokerDown(42));
    }
}
