using AIOps.Core.Model;
using AIOps.Ingest.Influx;
using Microsoft.Extensions.Time.Testing;

namespace AIOps.Ingest.Tests;

public sealed class DecoderCatalogTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 16, 1, 0, TimeSpan.Zero));

    [Fact]
    public void CreateDefault_AllFormats_EachDecoderNamedAsListed()
    {
        var decoders = DecoderCatalog.CreateDefault(Clock);

        Assert.Equal(DecoderCatalog.Formats, decoders.Select(d => d.Format));
        Assert.Equal(9, decoders.Count);
    }

    [Fact]
    public void Create_UnknownFormat_ThrowsNamingKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => DecoderCatalog.Create("csv", Clock));

        Assert.Contains("influx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InfluxWithPrecisionOption_Applies()
    {
        var sut = DecoderCatalog.Create(DecoderFormats.Influx, Clock, new DecoderOptions { InfluxPrecision = "s" });

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), Assert.Single(sut.DecodeOk("m v=1 1795795200")).Timestamp);
    }

    [Fact]
    public void Router_ConcurrentDecodes_SameResultsAsSequential()
    {
        // The influx decoder shares its series and name caches across threads.
        var sut = DecoderCatalog.CreateRouter(new Dictionary<string, string>(), Clock);
        var payloads = Enumerable.Range(0, 200)
            .Select(i => $"cpu,cpu=cpu{i % 7},host=h{i % 5} usage_idle={i},usage_user=1 {1795795200000000000L + i}\nmem,host=h{i % 5} used={i}i {1795795200000000000L + i}")
            .ToArray();
        var expected = payloads.Select(p => Describe(sut.DecodeOk(p, Messages.KafkaTime))).ToArray();
        var actual = new string[payloads.Length];

        Parallel.For(0, payloads.Length * 5, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var index = i % payloads.Length;
            var output = new List<TelemetryRecord>();
            sut.Decode(Messages.Of(payloads[index], timestamp: Messages.KafkaTime), output);
            actual[index] = Describe(output);
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void InfluxDecoder_CacheOverCapacity_StillCorrect()
    {
        var sut = new InfluxLineProtocolDecoder();

        for (var i = 0; i < 20_000; i++)
        {
            var point = Assert.IsType<MetricPoint>(Assert.Single(sut.DecodeOk($"m,id=s{i} v={i} 0", Messages.KafkaTime)));
            Assert.Equal($"s{i}", point.Labels.Get("id"));
        }
    }

    private static string Describe(List<TelemetryRecord> records) =>
        string.Join(";", records.Cast<MetricPoint>().Select(p => $"{p.Name}{p.Labels}={p.Value}@{p.Timestamp.UtcTicks}/{p.Resource.EntityKey}"));
}
