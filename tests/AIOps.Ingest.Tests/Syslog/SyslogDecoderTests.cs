using AIOps.Core.Model;
using AIOps.Ingest.Syslog;
using Microsoft.Extensions.Time.Testing;

namespace AIOps.Ingest.Tests.Syslog;

public sealed class SyslogDecoderTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 16, 1, 0, TimeSpan.Zero));

    [Fact]
    public void Decode_Rfc5424_MapsHeaderStructuredDataAndSeverity()
    {
        var sut = new SyslogDecoder(Clock);

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Samples.Syslog5424)));

        Assert.Equal(Severity.Error, log.Severity); // 27 = daemon.err
        Assert.Equal("daemon", log.Attributes.Get("syslog.facility"));
        Assert.Equal("node-2", log.Resource.Host);
        Assert.Equal("kubelet", log.Resource.Service);
        Assert.Equal("1234", log.Attributes.Get("process.pid"));
        Assert.Equal("42", log.Attributes.Get("sd.meta.sequenceId"));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 7, TimeSpan.Zero).AddTicks(4123450), log.Timestamp);
        Assert.StartsWith("E1127 16:00:07.412 pod_workers.go:1298]", log.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Rfc3164_YearFromReferenceAndTag()
    {
        var sut = new SyslogDecoder(Clock);

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Samples.Syslog3164)));

        Assert.Equal(Severity.Info, log.Severity); // 38 = auth.info
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 8, TimeSpan.Zero), log.Timestamp);
        Assert.Equal("web-01", log.Resource.Host);
        Assert.Equal("sshd", log.Resource.Service);
        Assert.Equal("4123", log.Attributes.Get("process.pid"));
        Assert.Equal("Accepted publickey for deploy from 10.0.0.5 port 52144 ssh2", log.Body);
    }

    [Fact]
    public void Decode_RsyslogForwardFormat_Rfc3339Timestamp()
    {
        var sut = new SyslogDecoder(Clock);

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Samples.SyslogForward)));

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 9, TimeSpan.Zero).AddTicks(1230), log.Timestamp);
        Assert.Equal("systemd", log.Resource.Service);
        Assert.Equal("Started nginx.service - A high performance web server.", log.Body);
    }

    [Fact]
    public void Decode_DecemberLineInJanuary_LastYear()
    {
        var sut = new SyslogDecoder(Clock);
        var january = new DateTimeOffset(2027, 1, 1, 0, 0, 30, TimeSpan.Zero);

        var log = Assert.Single(sut.DecodeOk("<13>Dec 31 23:59:58 host app: bye", january));

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 58, TimeSpan.Zero), log.Timestamp);
    }

    [Fact]
    public void Decode_NoHostnameBeforeTag_TagIsApp()
    {
        var sut = new SyslogDecoder(Clock);

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk("<34>Oct  1 22:14:15 su: 'su root' failed for lonvick")));

        Assert.Null(log.Resource.Host);
        Assert.Equal("su", log.Resource.Service);
        Assert.Equal(Severity.Critical, log.Severity);
    }

    [Fact]
    public void Decode_SeveralRecordsWithContinuationLines_SplitOnPri()
    {
        var sut = new SyslogDecoder(Clock);

        var logs = sut.DecodeOk(Samples.SyslogForward + "\n<27>2026-11-27T16:00:10Z web-01 app[7]: boom\n  at Main()\n").Cast<LogRecord>().ToList();

        Assert.Equal(2, logs.Count);
        Assert.Equal("boom\n  at Main()", logs[1].Body);
    }

    [Fact]
    public void Decode_NoPriWithTimestamp_SeveritySniffed()
    {
        var sut = new SyslogDecoder(Clock);

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk("2026-11-27T16:00:09Z web-01 app: ERROR disk full")));

        Assert.Equal(Severity.Error, log.Severity);
    }

    [Theory]
    [InlineData("<999>1 - - - - - -", "invalid <PRI>")]
    [InlineData("<1>1 2026-13-45T99:00:00Z h a p m -", "invalid RFC 5424 timestamp")]
    [InlineData("<1>1 - h a", "incomplete")]
    [InlineData("<1>1 - h a p m [x y=\"1\"", "not closed")]
    [InlineData("<1>1 - h a p m [x y=1]", "malformed parameter")]
    [InlineData("hello world", "no <PRI>")]
    [InlineData("", "empty")]
    public void Decode_Malformed_FailsWithReason(string payload, string reason)
    {
        var sut = new SyslogDecoder(Clock);

        Assert.Contains(reason, sut.DecodeFail(payload, Messages.KafkaTime), StringComparison.Ordinal);
    }
}
