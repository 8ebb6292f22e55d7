using AIOps.Core.Model;
using AIOps.Ingest.Prometheus;

namespace AIOps.Ingest.Tests.Prometheus;

public sealed class PrometheusJsonDecoderTests
{
    [Fact]
    public void Decode_AdapterSample_MapsNameLabelsValueAndTime()
    {
        var sut = new PrometheusJsonDecoder();

        var point = Assert.IsType<MetricPoint>(Assert.Single(sut.DecodeOk(Samples.PrometheusAdapter)));

        Assert.Equal("http_request_duration_seconds_sum", point.Name);
        Assert.Equal(0.25, point.Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), point.Timestamp);
        Assert.Null(point.Labels.Get("__name__"));
        Assert.Equal("GET", point.Labels.Get("method"));
        Assert.Equal("orders", point.Resource.Service);
        Assert.Equal("orders-5f7c9", point.Resource.Host);
        Assert.Equal("orders-5f7c9d8b6-k2x7q", point.Resource.Pod);
        Assert.Equal("shop", point.Resource.Namespace);
    }

    [Theory]
    [InlineData("\"NaN\"", double.NaN)]
    [InlineData("\"+Inf\"", double.PositiveInfinity)]
    [InlineData("\"-Inf\"", double.NegativeInfinity)]
    [InlineData("\"1e-3\"", 0.001)]
    [InlineData("\"9876543210\"", 9876543210d)]
    [InlineData("12.5", 12.5)]
    public void Decode_ValueForms_Parsed(string value, double expected)
    {
        var sut = new PrometheusJsonDecoder();

        var point = Assert.IsType<MetricPoint>(Assert.Single(sut.DecodeOk($$$"""{"timestamp":"2026-11-27T16:00:00Z","value":{{{value}}},"name":"up","labels":{"__name__":"up"}}""")));

        Assert.Equal(expected, point.Value);
    }

    [Fact]
    public void Decode_NewlineSeparatedSamples_DecodesAll()
    {
        var sut = new PrometheusJsonDecoder();

        var records = sut.DecodeOk(Samples.PrometheusAdapter + "\n" + Samples.PrometheusAdapter.Replace("0.25", "0.5", StringComparison.Ordinal) + "\n");

        Assert.Equal([0.25, 0.5], records.Cast<MetricPoint>().Select(p => p.Value));
        Assert.Same(((MetricPoint)records[0]).Labels, ((MetricPoint)records[1]).Labels);
    }

    [Fact]
    public void Decode_SameLabelBytesAfterAFailedSample_StillValidated()
    {
        var sut = new PrometheusJsonDecoder();
        const string Bad = """{"timestamp":"2026-11-27T16:00:00Z","value":"1","name":"up","labels":{"a":1}}""";

        sut.DecodeFail(Bad);

        Assert.Contains("not a string", sut.DecodeFail(Bad), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EscapedStrings_Unescaped()
    {
        var sut = new PrometheusJsonDecoder();

        var point = Assert.IsType<MetricPoint>(Assert.Single(sut.DecodeOk("""{"timestamp":"2026-11-27T16:00:00Z","value":"\u0031.5","name":"\u0075p","labels":{"path":"/a\"b"}}""")));

        Assert.Equal("up", point.Name);
        Assert.Equal(1.5, point.Value);
        Assert.Equal("/a\"b", point.Labels.Get("path"));
    }

    [Fact]
    public void Decode_NameOnlyInLabels_UsesDunderName()
    {
        var sut = new PrometheusJsonDecoder();

        var point = Assert.IsType<MetricPoint>(Assert.Single(sut.DecodeOk("""{"timestamp":"2026-11-27T16:00:00Z","value":"1","labels":{"__name__":"up","job":"a"}}""")));

        Assert.Equal("up", point.Name);
    }

    [Theory]
    [InlineData("""{"timestamp":"2026-11-27T16:00:00Z","value":"abc","name":"up","labels":{}}""", "not a number")]
    [InlineData("""{"timestamp":"yesterday","value":"1","name":"up","labels":{}}""", "timestamp")]
    [InlineData("""{"timestamp":"2026-11-27T16:00:00Z","name":"up","labels":{}}""", "no value")]
    [InlineData("""{"timestamp":"2026-11-27T16:00:00Z","value":"1","labels":{}}""", "no name")]
    [InlineData("""{"timestamp":"2026-11-27T16:00:00Z","value":"1","name":"up","labels":{"a":1}}""", "not a string")]
    [InlineData("""{"timestamp":"2026-11-27T16:00:00Z","value":"1","name":"up","labels":[]}""", "not an object")]
    [InlineData("""[1,2]""", "expected a sample object")]
    [InlineData("""{"value":"1","name":"up""", "invalid JSON")]
    [InlineData("", "no sample")]
    public void Decode_Malformed_FailsWithReason(string payload, string reason)
    {
        var sut = new PrometheusJsonDecoder();

        Assert.Contains(reason, sut.DecodeFail(payload), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NoTimestamp_UsesMessageTime()
    {
        var sut = new PrometheusJsonDecoder();

        var record = Assert.Single(sut.DecodeOk("""{"value":"1","name":"up","labels":{}}""", Messages.KafkaTime));

        Assert.Equal(Messages.KafkaTime, record.Timestamp);
    }
}
