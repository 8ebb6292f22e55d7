using AIOps.Accuracy.Correlation;
using AIOps.Server.Replay;

namespace AIOps.Accuracy.Tests.Correlation;

public sealed class DeliveryOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Interleaved =
    [
        Line("metrics", 0), Line("events", 0), Line("metrics", 1), Line("metrics", 2), Line("events", 1), Line("metrics", 3),
    ];

    private static string Line(string topic, long offset) => KcatEnvelope.Format(topic, 0, offset, T0.AddSeconds(offset), null, $"{topic}-{offset}");

    private static IEnumerable<string> Payloads(IEnumerable<string> lines) => lines.Select(l =>
    {
        Assert.True(KcatEnvelope.TryParse(l, out var message, out _));
        return System.Text.Encoding.UTF8.GetString(message.Payload.Span);
    });

    [Fact]
    public void Apply_Chunked_TopicsTakeTurnsEachInItsOwnOrder()
    {
        var sut = DeliveryOrder.Parse("chunked:2");

        var delivered = sut.Apply(Interleaved);

        Assert.Equal(["events-0", "events-1", "metrics-0", "metrics-1", "metrics-2", "metrics-3"], Payloads(delivered));
    }

    [Fact]
    public void Apply_ByTopic_OneWholeTopicAfterTheOther()
    {
        var delivered = DeliveryOrder.Parse("by-topic").Apply(Interleaved);

        Assert.Equal(["events-0", "events-1", "metrics-0", "metrics-1", "metrics-2", "metrics-3"], Payloads(delivered));
    }

    [Fact]
    public void Apply_Interleaved_LeavesTheLinesAlone()
    {
        Assert.Same(Interleaved, DeliveryOrder.Interleaved.Apply(Interleaved));
    }

    [Theory]
    [InlineData("chunked:0")]
    [InlineData("chunked:x")]
    [InlineData("random")]
    public void Parse_Unknown_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => DeliveryOrder.Parse(text));
    }
}
