using AIOps.Core.Model;
using AIOps.Ingest.Alertmanager;

namespace AIOps.Ingest.Tests.Alertmanager;

/// <summary>Edge cases pinned to the decoder's behaviour before annotations were built in one pass.</summary>
public sealed class AlertmanagerDecoderEdgeCaseTests
{
    [Fact]
    public void Decode_AnnotationsNamingReceiverAndGeneratorUrl_WebhookValuesWin()
    {
        var sut = new AlertmanagerDecoder();
        const string Payload = """{"version":"4","alerts":[{"status":"firing","labels":{"a":"1","a":"2","severity":"warning"},"annotations":{"receiver":"x","generatorURL":"g0","note":"n"},"generatorURL":"g","startsAt":"2026-11-27T15:40:00Z"}],"receiver":"r"}""";

        var alert = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Equal(LabelSet.From(("a", "2"), ("severity", "warning")), alert.Labels);
        Assert.Equal(LabelSet.From(("generatorURL", "g"), ("note", "n"), ("receiver", "r")), alert.Annotations);
        Assert.Equal("d23e190eb3c4233f", alert.Fingerprint);
        Assert.Equal(Severity.Warning, alert.Severity);
    }

    [Fact]
    public void Decode_NonObjectLabelsAndEmptyGeneratorUrl_EmptySets()
    {
        var sut = new AlertmanagerDecoder();
        const string Payload = """{"alerts":[{"status":"resolved","labels":[],"annotations":"x","endsAt":"2026-11-27T15:45:00Z","startsAt":"2026-11-27T15:40:00Z","generatorURL":""}],"receiver":null}""";

        var alert = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Payload)));

        Assert.Same(LabelSet.Empty, alert.Labels);
        Assert.Same(LabelSet.Empty, alert.Annotations);
        Assert.Equal(EventStatus.Resolved, alert.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 45, 0, TimeSpan.Zero), alert.Timestamp);
    }

    [Fact]
    public void Decode_EscapedNamesAndDuplicateSummary_LastSummaryIsTheTitle()
    {
        var sut = new AlertmanagerDecoder();
        const string Payload = """{"alerts":[{"status":"firing","labels":{"alertn\u0061me":"E","n":1,"b":false,"o":{}},"annotations":{"summary":"s","summary":"t"},"startsAt":"bad"}]}""";

        var alert = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Payload, Messages.KafkaTime)));

        Assert.Equal("t", alert.Title);
        Assert.Equal(LabelSet.From(("alertname", "E"), ("b", "false"), ("n", "1")), alert.Labels);
        Assert.Equal(LabelSet.From(("summary", "t")), alert.Annotations);
        Assert.Equal(Messages.KafkaTime, alert.Timestamp);
    }

    [Theory]
    [InlineData("""{"alerts":{},"version":"4"}""", "webhook payload has no alerts array")]
    [InlineData("""{"alerts":[{}]}""", "alerts[0] has status '' (expected firing or resolved)")]
    [InlineData("""{"alerts":[{"status":"firing","startsAt":"bad"}]}""", "alerts[0] has no startsAt/endsAt and the message has no timestamp")]
    public void Decode_Unmappable_SameReasonAsBefore(string payload, string reason)
    {
        var sut = new AlertmanagerDecoder();

        Assert.Equal(reason, sut.DecodeFail(payload));
    }

    [Theory]
    [InlineData("", "invalid JSON: The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true. LineNumber: 0 | BytePositionInLine: 0.")]
    [InlineData("   ", "invalid JSON: The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true. LineNumber: 0 | BytePositionInLine: 3.")]
    [InlineData("""{"alerts":[]} x""", "invalid JSON: 'x' is invalid after a single JSON value. Expected end of data. LineNumber: 0 | BytePositionInLine: 14.")]
    [InlineData("""{"alerts":[7]} {"alerts":[]}""", "invalid JSON: '{' is invalid after a single JSON value. Expected end of data. LineNumber: 0 | BytePositionInLine: 15.")]
    [InlineData("""{"alerts":[7],}""", "invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options. LineNumber: 0 | BytePositionInLine: 14.")]
    [InlineData("""{"alerts":[{"status":"firing","labels":{"a":"\ud800"}}]}""", "unexpected JSON shape: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.")]
    public void Decode_NotOneValidValue_SameReasonAsAParsedDocument(string payload, string reason)
    {
        var sut = new AlertmanagerDecoder();

        Assert.Equal(reason, sut.DecodeFail(payload));
    }

    [Fact]
    public void Decode_CommentsAroundAndInside_Skipped()
    {
        var sut = new AlertmanagerDecoder();
        const string Payload = """
            /* webhook */ {"alerts": /* list */ [{"status":"firing", "labels":{"alertname":"A"} /* end */}], "receiver":"r"} // done
            """;

        var alert = Assert.IsType<EventRecord>(Assert.Single(sut.DecodeOk(Payload, Messages.KafkaTime)));

        Assert.Equal("A", alert.Title);
        Assert.Equal(LabelSet.From(("receiver", "r")), alert.Annotations);
    }
}
