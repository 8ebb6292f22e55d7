using AIOps.Core.Model;
using AIOps.Ingest.Influx;

namespace AIOps.Ingest.Tests.Influx;

public sealed class InfluxLineProtocolDecoderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decode_TelegrafBatch_OnePointPerNumericField()
    {
        var sut = new InfluxLineProtocolDecoder();

        var records = sut.DecodeOk(Samples.TelegrafInflux);

        var points = records.Cast<MetricPoint>().ToList();
        Assert.Equal(5 + 6 + 5 + 4, points.Count);
        var idle = points.Single(p => p.Name == "cpu_usage_idle");
        Assert.Equal(97.46835443037975, idle.Value);
        Assert.Equal(At, idle.Timestamp);
        Assert.Equal("cpu-total", idle.Labels.Get("cpu"));
        Assert.Equal("web-01", idle.Resource.Host);
        Assert.Equal(3254853632d, points.Single(p => p.Name == "mem_active").Value);
        Assert.DoesNotContain(points, p => p.Name == "system_uptime_format");
        Assert.Equal("eth0", points.Single(p => p.Name == "net_err_in").Labels.Get("interface"));
    }

    [Fact]
    public void Decode_EscapedNamesAndQuotedStrings_Unescapes()
    {
        var sut = new InfluxLineProtocolDecoder();

        var records = sut.DecodeOk("weather\\ station,location=us\\,midwest,name=a\\=b,path=C:\\dir temp\\ c=82,desc=\"he said \\\"hot, very\\\" \\\\ ok\",wind\\=x=3i 1465839830100400200");

        var points = records.Cast<MetricPoint>().ToList();
        Assert.Equal(["weather station_temp c", "weather station_wind=x"], points.Select(p => p.Name));
        var labels = points[0].Labels;
        Assert.Equal("us,midwest", labels.Get("location"));
        Assert.Equal("a=b", labels.Get("name"));
        Assert.Equal("C:\\dir", labels.Get("path"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1465839830100).AddTicks(4002), points[0].Timestamp);
    }

    [Fact]
    public void Decode_EqualsEscapeInMeasurement_KeepsBackslash()
    {
        var sut = new InfluxLineProtocolDecoder();

        var point = Assert.IsType<MetricPoint>(Assert.Single(sut.DecodeOk("a\\=b\\\\c,t=x v=1 0", At)));

        Assert.Equal("a\\=b\\c_v", point.Name);
    }

    [Theory]
    [InlineData("t", 1)]
    [InlineData("T", 1)]
    [InlineData("true", 1)]
    [InlineData("True", 1)]
    [InlineData("TRUE", 1)]
    [InlineData("f", 0)]
    [InlineData("F", 0)]
    [InlineData("false", 0)]
    [InlineData("False", 0)]
    [InlineData("FALSE", 0)]
    [InlineData("-12i", -12)]
    [InlineData("18446744073709551615u", 18446744073709551615d)]
    [InlineData("1.5e3", 1500)]
    [InlineData("-0.25", -0.25)]
    [InlineData("42", 42)]
    public void Decode_FieldValueKinds_ParsesValue(string token, double expected)
    {
        var sut = new InfluxLineProtocolDecoder();

        var point = Assert.IsType<MetricPoint>(Assert.Single(sut.DecodeOk($"m v={token} 0", At)));

        Assert.Equal(expected, point.Value);
    }

    [Theory]
    [InlineData("m v=12.5i 0", "invalid value")]
    [InlineData("m v=NaN 0", "invalid value")]
    [InlineData("m v=tru 0", "invalid value")]
    [InlineData("m v=-1u 0", "invalid value")]
    [InlineData("m 0", "field without value")]
    [InlineData("m", "missing fields")]
    [InlineData("m,host=a", "missing fields")]
    [InlineData("m,host= v=1 0", "empty tag value")]
    [InlineData("m,=a v=1 0", "empty tag key")]
    [InlineData("m,host v=1 0", "tag key without value")]
    [InlineData("m v=\"open 0", "unterminated string")]
    [InlineData("m v=1 12x", "invalid timestamp")]
    [InlineData("m v=1 12 extra", "unexpected text")]
    [InlineData("m v=1,", "empty field key")]
    [InlineData("m v= 1", "field without value")]
    [InlineData(",host=a v=1 0", "missing measurement")]
    public void Decode_MalformedLine_FailsWithReason(string line, string reason)
    {
        var sut = new InfluxLineProtocolDecoder();

        var error = sut.DecodeFail(line, At);

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ErrorOnThirdLine_ReportsLineAndRollsBack()
    {
        var sut = new InfluxLineProtocolDecoder();

        var error = sut.DecodeFail("# header\nm v=1 0\n\nm v=oops 0\n", At);

        Assert.StartsWith("line 4:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_CommentsBlankLinesAndCrLf_AreSkipped()
    {
        var sut = new InfluxLineProtocolDecoder();

        var records = sut.DecodeOk("# comment\r\n\r\n  m,host=a v=1 1795795200000000000\r\n# other\r\nm,host=a v=2 1795795201000000000\r\n");

        Assert.Equal([1d, 2d], records.Cast<MetricPoint>().Select(p => p.Value));
        Assert.Equal(At.AddSeconds(1), records[1].Timestamp);
    }

    [Fact]
    public void Decode_StringFieldSpanningLines_KeepsLineCount()
    {
        var sut = new InfluxLineProtocolDecoder();

        var error = sut.DecodeFail("m note=\"a\nb\",v=1 0\nm v=bad 0", At);

        Assert.StartsWith("line 3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OnlyStringFields_OkWithoutRecords()
    {
        var sut = new InfluxLineProtocolDecoder();

        Assert.Empty(sut.DecodeOk("syslog,host=a message=\"hello\" 0"));
    }

    [Fact]
    public void Decode_NoTimestamp_UsesMessageTimestamp()
    {
        var sut = new InfluxLineProtocolDecoder();

        var record = Assert.Single(sut.DecodeOk("m v=1", Messages.KafkaTime));

        Assert.Equal(Messages.KafkaTime, record.Timestamp);
    }

    [Fact]
    public void Decode_NoTimestampAnywhere_Fails()
    {
        var sut = new InfluxLineProtocolDecoder();

        Assert.Contains("no timestamp", sut.DecodeFail("m v=1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s", "1795795200")]
    [InlineData("ms", "1795795200000")]
    [InlineData("us", "1795795200000000")]
    [InlineData("ns", "1795795200000000000")]
    public void Decode_PrecisionHeader_ScalesTimestamp(string precision, string timestamp)
    {
        var sut = new InfluxLineProtocolDecoder();

        var record = Assert.Single(sut.DecodeOk($"m v=1 {timestamp}", headers: ("precision", precision)));

        Assert.Equal(At, record.Timestamp);
    }

    [Fact]
    public void Decode_PrecisionOption_AppliesWithoutHeader()
    {
        var sut = new InfluxLineProtocolDecoder("s");

        Assert.Equal(At, Assert.Single(sut.DecodeOk("m v=1 1795795200")).Timestamp);
    }

    [Fact]
    public void Decode_UnknownPrecisionHeader_Fails()
    {
        var sut = new InfluxLineProtocolDecoder();

        Assert.Contains("precision", sut.DecodeFail("m v=1 1", headers: ("precision", "weeks")), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TimestampOverflowForPrecision_Fails()
    {
        var sut = new InfluxLineProtocolDecoder("h");

        Assert.Contains("out of range", sut.DecodeFail("m v=1 9223372036854775807"), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RepeatedSeriesKey_SharesLabelsButNotAcrossDifferentTags()
    {
        var sut = new InfluxLineProtocolDecoder();

        var points = sut.DecodeOk("m,host=a v=1 1\nm,host=a v=2 2\nm,host=b v=3 3", At).Cast<MetricPoint>().ToList();

        Assert.Same(points[0].Labels, points[1].Labels);
        Assert.Equal("b", points[2].Labels.Get("host"));
        Assert.NotEqual(points[0].SeriesId, points[2].SeriesId);
    }

    [Fact]
    public void Decode_DuplicateTagKey_LastValueWins()
    {
        var sut = new InfluxLineProtocolDecoder();

        var point = Assert.IsType<MetricPoint>(Assert.Single(sut.DecodeOk("m,host=a,host=b v=1 0", At)));

        Assert.Equal("b", point.Labels.Get("host"));
    }

    [Fact]
    public void Decode_EmptyPayload_OkWithoutRecords()
    {
        var sut = new InfluxLineProtocolDecoder();

        Assert.Empty(sut.DecodeOk("\n  \n# only a comment\n"));
    }

    [Fact]
    public void Constructor_UnknownPrecision_Throws()
    {
        Assert.Throws<ArgumentException>(() => new InfluxLineProtocolDecoder("fortnights"));
    }
}
