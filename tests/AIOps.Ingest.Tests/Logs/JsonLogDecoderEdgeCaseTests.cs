using System.Text;
using AIOps.Core.Model;
using AIOps.Ingest.Logs;

namespace AIOps.Ingest.Tests.Logs;

/// <summary>
/// Edge cases pinned to the JsonDocument decoder's behaviour before the allocation work (pooled label lists,
/// cached property names): escapes, duplicates, numbers, depth, truncation and bad UTF-8 must read the same.
/// </summary>
public sealed class JsonLogDecoderEdgeCaseTests
{
    private static readonly DateTimeOffset Four = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decode_EscapedPropertyNames_ReadAsTheirUnescapedSpelling()
    {
        var sut = new JsonLogDecoder();
        const string Payload = """{"mess\u0061ge":"esc name","t\u0069me":"2026-11-27T16:00:00Z","lev\u0065l":"warn","a\"b":"q","k\u00e9y":"v\u00e9"}""";

        // Twice: the second decode reads the names from the cache.
        var first = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Payload)));
        var second = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Equal("esc name", first.Body);
        Assert.Equal(Four, first.Timestamp);
        Assert.Equal(Severity.Warning, first.Severity);
        Assert.Equal(LabelSet.From(("a\"b", "q"), ("k\u00e9y", "v\u00e9"), ("level", "warn")), first.Attributes);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Decode_DuplicateKeys_LastValueWins()
    {
        var sut = new JsonLogDecoder();
        const string Payload = """{"message":"first","message":"second","time":"2026-11-27T16:00:00Z","time":"2026-11-27T17:00:00Z","x":"1","x":"2"}""";

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Equal("second", log.Body);
        Assert.Equal(Four.AddHours(1), log.Timestamp);
        Assert.Equal(LabelSet.From(("x", "2")), log.Attributes);
    }

    [Fact]
    public void Decode_DuplicateLabelObjects_LastScalarOfLastObjectWins()
    {
        var sut = new JsonLogDecoder();
        const string Payload = """{"message":"x","time":"2026-11-27T16:00:00Z","kubernetes":{"labels":"notobj","pod_labels":{"app":"v","app":"w"},"namespace_name":"","pod_namespace":"ns"}}""";

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Equal("w", log.Resource.Service);
        Assert.Equal("ns", log.Resource.Namespace);
        Assert.Equal(LabelSet.From(("k8s.namespace.name", "ns")), log.Attributes);
    }

    [Fact]
    public void Decode_NumbersAndNumericStrings_RawTextAndEpochSeconds()
    {
        var sut = new JsonLogDecoder();
        const string Payload = """{"message":1234,"log":"num body","time":"1795795200.5","level":"3","n":1e400,"m":-0.0,"b":true,"z":null,"arr":[1,2]}""";

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Equal("num body", log.Body); // a number is not a body; the next body key is taken
        Assert.Equal(Four.AddMilliseconds(500), log.Timestamp); // numeric text is epoch seconds
        Assert.Equal(Severity.Error, log.Severity); // syslog number 3
        Assert.Equal(LabelSet.From(("b", "true"), ("level", "3"), ("m", "-0.0"), ("message", "1234"), ("n", "1e400")), log.Attributes);
    }

    [Fact]
    public void Decode_ScalarsWhereStringsAreExpected_RenderedAsText()
    {
        var sut = new JsonLogDecoder();
        const string Payload = """{"message":"deep","time":1795795200,"kubernetes":{"labels":{"a":{"b":{"c":{"d":[[[[1]]]]}}},"app":"x"},"pod_name":123,"host":true}}""";

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Equal(new Resource("x", "true", "123", null, null, null), log.Resource);
        Assert.Equal(LabelSet.From(("k8s.node.name", "true"), ("k8s.pod.name", "123")), log.Attributes);
    }

    [Theory]
    [InlineData(62, true)]
    [InlineData(63, true)]
    [InlineData(70, false)]
    public void Decode_DeepNesting_LimitedToDepth64(int arrays, bool ok)
    {
        var sut = new JsonLogDecoder();
        var payload = """{"message":"x","time":1795795200,"d":""" + new string('[', arrays) + new string(']', arrays) + "}";

        if (ok)
        {
            Assert.Equal(LabelSet.Empty, Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(payload))).Attributes);
        }
        else
        {
            Assert.StartsWith("invalid JSON: The maximum configured depth of 64 has been exceeded.", sut.DecodeFail(payload), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decode_EveryTruncation_FailsAsInvalidOrEmpty()
    {
        var sut = new JsonLogDecoder();
        var bytes = Encoding.UTF8.GetBytes(Samples.FluentBitLog);

        for (var length = 0; length < bytes.Length; length++)
        {
            var output = sut.Decode(Messages.Of(bytes[..length], timestamp: Messages.KafkaTime), out var result);

            Assert.Empty(output);
            Assert.True(
                length == 0 ? result.Error == "empty message (no JSON value)" : result.Error!.StartsWith("invalid JSON: ", StringComparison.Ordinal),
                $"length {length}: {result.Error}");
        }
    }

    [Fact]
    public void Decode_SecondValueUnmappableThirdTruncated_ReportsTheSecondValue()
    {
        var sut = new JsonLogDecoder();
        const string Payload = """{"message":"a","time":"2026-11-27T16:00:00Z"} {"message":"b"} {"broken""";

        Assert.Equal("value 2: log line has no timestamp and the message has none", sut.DecodeFail(Payload));
    }

    [Theory]
    [InlineData("{\"message\":\"bad \xC3\x28\",\"time\":1795795200}", false)] // a body that is not UTF-8
    [InlineData("{\"message\":\"ok\",\"time\":1795795200,\"k\xFF\":\"v\"}", false)] // the name of a scalar attribute
    [InlineData("{\"message\":\"ok\",\"time\":1795795200,\"k\xFF\":{\"a\":1}}", true)] // a name that is never read
    [InlineData("{\"message\":\"ok\",\"time\":1795795200,\"kubernetes\":{\"labels\":{\"k\xFF\":\"v\"}}}", false)] // a pod label's name
    public void Decode_InvalidUtf8_FailsOnlyWhereTheTextIsRead(string latin1, bool ok)
    {
        var sut = new JsonLogDecoder();
        var bytes = Encoding.Latin1.GetBytes(latin1);

        var output = sut.Decode(Messages.Of(bytes, timestamp: Messages.KafkaTime), out var result);

        Assert.Equal(ok, result.Success);
        Assert.Equal(ok ? 1 : 0, output.Count);
        if (!ok)
        {
            Assert.Equal("unexpected JSON shape: Cannot transcode invalid UTF-8 JSON text to UTF-16 string.", result.Error);
        }
    }

    [Fact]
    public void Decode_ChangeEventWithDuplicateKindAndLabels_LastWins()
    {
        var sut = new JsonLogDecoder();
        const string Payload = """{"kind":"Deployment","kind":"deploy","message":"m","timestamp":"2026-11-27T16:00:00Z","labels":{"team":"t","service":"s"},"labels":{"other":"o"},"severity":"critical","id":""}""";

        var change = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Equal(LabelSet.From(("kind", "deploy"), ("other", "o")), change.Labels);
        Assert.Equal(LabelSet.From(("message", "m")), change.Annotations);
        Assert.Equal(Severity.Critical, change.Severity);
        Assert.Equal("m", change.Title);
        Assert.Equal("15dd93e404d79671", change.Fingerprint);
    }

    [Fact]
    public void Decode_CommentsInsideObjectsAndArrays_Skipped()
    {
        var sut = new JsonLogDecoder();
        const string Plain = """[{"message":"x","time":1795795200,"kubernetes":{"pod_name":"p","labels":{"app":"a"}},"n":1}]""";
        const string Commented = """
            /* a */ [ // b
            {"message": /* c */ "x", /* d */ "time":1795795200, "kubernetes": { "pod_name":"p", /* e */ "labels":{"app":"a" /* f */} }, "n":1 // g
            } /* h */ ]
            """;

        var plain = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Plain)));
        var commented = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk(Commented)));

        Assert.Equal(plain, commented);
        Assert.Equal("a", commented.Resource.Service);
    }

    [Fact]
    public void Decode_LoneSurrogateEscapeInAnAttribute_UnexpectedShape()
    {
        var sut = new JsonLogDecoder();

        Assert.Equal(
            "unexpected JSON shape: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.",
            sut.DecodeFail("""{"message":"x","time":1795795200,"a":"\ud800"}"""));
    }

    [Fact]
    public void Decode_InvalidTimeStringThenValidTimeKey_NextKeyUsed()
    {
        var sut = new JsonLogDecoder();

        var log = Assert.IsType<LogRecord>(Assert.Single(sut.DecodeOk("""{"message":"a","ts":"notatime","date":"2026-11-27T16:00:00Z","@timestamp":null}""")));

        Assert.Equal(Four, log.Timestamp);
    }

    [Fact]
    public void Decode_SamePodLabelsOnLaterLines_SameRecordsAsTheFirst()
    {
        var sut = new JsonLogDecoder();

        var first = sut.DecodeOk(Samples.FluentBitLog + "\n" + Samples.VectorLog);
        var again = sut.DecodeOk(Samples.FluentBitLog + "\n" + Samples.VectorLog);

        Assert.Equal(first, again);
        Assert.Equal(["payment", "cart"], again.Select(r => r.Resource.Service));
    }

    [Fact]
    public void Decode_PodLabelsThatFailToDecode_FailEveryTime()
    {
        var sut = new JsonLogDecoder();
        var bytes = Encoding.Latin1.GetBytes("{\"message\":\"ok\",\"time\":1795795200,\"kubernetes\":{\"labels\":{\"app\":\"a\xFF\"}}}");

        for (var i = 0; i < 2; i++)
        {
            var output = sut.Decode(Messages.Of(bytes, timestamp: Messages.KafkaTime), out var result);

            Assert.Empty(output);
            Assert.Equal("unexpected JSON shape: Cannot transcode invalid UTF-8 JSON text to UTF-16 string.", result.Error);
        }
    }
}
