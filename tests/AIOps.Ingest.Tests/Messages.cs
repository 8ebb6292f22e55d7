using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;

namespace AIOps.Ingest.Tests;

internal static class Messages
{
    public static readonly DateTimeOffset KafkaTime = new(2026, 11, 27, 16, 0, 5, TimeSpan.Zero);

    public static InboundMessage Of(string payload, string topic = "telemetry.test", DateTimeOffset? timestamp = null, params (string Key, string Value)[] headers) =>
        Of(Encoding.UTF8.GetBytes(payload), topic, timestamp, headers);

    public static InboundMessage Of(byte[] payload, string topic = "telemetry.test", DateTimeOffset? timestamp = null, params (string Key, string Value)[] headers) => new(
        topic,
        0,
        42,
        payload,
        headers.Length == 0 ? InboundMessage.NoHeaders : headers.Select(h => new KeyValuePair<string, byte[]>(h.Key, Encoding.UTF8.GetBytes(h.Value))).ToList(),
        timestamp);

    public static List<TelemetryRecord> Decode(this ITelemetryDecoder sut, InboundMessage message, out DecodeResult result)
    {
        var output = new List<TelemetryRecord>();
        result = sut.Decode(message, output);
        return output;
    }

    public static List<TelemetryRecord> DecodeOk(this ITelemetryDecoder sut, string payload, DateTimeOffset? timestamp = null, params (string Key, string Value)[] headers)
    {
        var output = sut.Decode(Of(payload, timestamp: timestamp, headers: headers), out var result);
        Assert.True(result.Success, result.Error);
        Assert.Equal(output.Count, result.Records);
        return output;
    }

    public static string DecodeFail(this ITelemetryDecoder sut, string payload, DateTimeOffset? timestamp = null, params (string Key, string Value)[] headers)
    {
        var output = sut.Decode(Of(payload, timestamp: timestamp, headers: headers), out var result);
        Assert.False(result.Success);
        Assert.Empty(output);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal(sut.Format == "router" ? result.Format : sut.Format, result.Format);
        return result.Error!;
    }
}
