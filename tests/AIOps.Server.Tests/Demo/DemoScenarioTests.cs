using AIOps.Server.Demo;

namespace AIOps.Server.Tests.Demo;

public sealed class DemoScenarioTests
{
    [Fact]
    public void Messages_SameSeed_AreIdenticalAndInTimeOrderPerTopic()
    {
        var end = new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);

        var first = DemoScenario.Default(end).Messages().ToList();
        var second = DemoScenario.Default(end).Messages().ToList();

        Assert.Equal(first, second);
        Assert.All(first.GroupBy(m => m.Topic), g => Assert.True(g.Select(m => m.EventTime).SequenceEqual(g.Select(m => m.EventTime).Order()) || g.Key == DemoScenario.LogsTopic));
    }

    [Fact]
    public void Messages_ContainEveryProducerShapeAndTheFault()
    {
        var sut = DemoScenario.Default(new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero));

        var messages = sut.Messages().ToList();

        Assert.Contains(messages, m => m.Payload.StartsWith("http,service=", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Payload.Contains("\"__name__\":\"pg_query_latency_ms\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Payload.Contains("\"alerts\":[", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Payload.Contains("max_connections", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Topic == DemoScenario.LogsTopic && m.Payload.Contains("\"level\":\"error\"", StringComparison.Ordinal) && m.EventTime >= sut.FaultTime);
        Assert.DoesNotContain(messages, m => m.Payload.Contains("\"level\":\"error\"", StringComparison.Ordinal) && m.EventTime < sut.FaultTime);
    }
}
