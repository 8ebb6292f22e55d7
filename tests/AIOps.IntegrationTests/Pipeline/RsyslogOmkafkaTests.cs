using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest;
using AIOps.IntegrationTests.Support;
using AIOps.Kafka.Tests.Support;

namespace AIOps.IntegrationTests.Pipeline;

/// <summary>
/// rsyslog ships syslog into the embedded broker with omkafka, as operators run it: `logger` sends an RFC 5424 and
/// an RFC 3164 line over TCP to a real rsyslogd, which forwards them with one of its built-in templates; the
/// engine's router decodes what arrived and the running engine consumes it without a dead letter.
/// </summary>
public sealed class RsyslogOmkafkaTests : IDisposable
{
    private const string Topic = "telemetry.logs";
    private readonly EngineFixture _fixture = new();

    [Theory]
    [InlineData("RSYSLOG_SyslogProtocol23Format")] // RFC 5424
    [InlineData("RSYSLOG_ForwardFormat")] // RFC 3164 layout with an RFC 3339 timestamp
    [InlineData("RSYSLOG_TraditionalForwardFormat")] // RFC 3164
    public async Task Omkafka_ForwardsLoggerLines_SyslogDecoderReadsThem(string template)
    {
        using var rsyslog = await RsyslogProcess.StartAsync(_fixture.Bootstrap, Topic, template);
        var sent = DateTimeOffset.UtcNow;

        await LoggerAsync(rsyslog.Port, "--rfc5424", "--priority", "local0.err", "--tag", "payments", "--msgid", "CHARGE",
            "--sd-id", "order@32473", "--sd-param", "id=\"o-17\"", "charge failed: upstream timeout after 3000ms");
        await LoggerAsync(rsyslog.Port, "--rfc3164", "--priority", "user.warning", "--tag", "nginx", "upstream response time 2.4s");
        var messages = await WaitForMessagesAsync(2, TimeSpan.FromSeconds(30), rsyslog);

        var router = DecoderCatalog.CreateRouter(new Dictionary<string, string>(), TimeProvider.System);
        var logs = new List<LogRecord>();
        foreach (var message in messages)
        {
            var output = new List<TelemetryRecord>();
            var result = router.Decode(message, output);
            Assert.True(result.Success, $"{result.Error}: {Encoding.UTF8.GetString(message.Payload.Span)}");
            Assert.Equal(DecoderFormats.Syslog, result.Format);
            logs.Add(Assert.IsType<LogRecord>(Assert.Single(output)));
        }

        var charge = Assert.Single(logs, l => l.Body.Contains("charge failed", StringComparison.Ordinal));
        Assert.Equal("charge failed: upstream timeout after 3000ms", charge.Body);
        Assert.Equal(Severity.Error, charge.Severity);
        Assert.Equal("payments", charge.Resource.Service);
        Assert.Equal("local0", charge.Attributes.Get("syslog.facility"));
        Assert.False(string.IsNullOrEmpty(charge.Resource.Host));
        Assert.InRange(charge.Timestamp, sent.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        if (template == "RSYSLOG_SyslogProtocol23Format")
        {
            Assert.Equal("o-17", charge.Attributes.Get("sd.order@32473.id"));
            Assert.Equal("CHARGE", charge.Attributes.Get("syslog.msgid"));
        }

        var nginx = Assert.Single(logs, l => l.Resource.Service == "nginx");
        Assert.Equal("upstream response time 2.4s", nginx.Body);
        Assert.Equal(Severity.Warning, nginx.Severity);

        var outcome = await _fixture.RunEngineUntilAsync(r => r.Consumer.MessagesHandled >= messages.Count, TimeSpan.FromSeconds(60));
        Assert.True(outcome.Reached, $"handled {outcome.Handled} of {messages.Count}");
        Assert.Equal(0, outcome.DeadLetters);
    }

    public void Dispose() => _fixture.Dispose();

    private static async Task LoggerAsync(int port, params string[] arguments)
    {
        var info = new ProcessStartInfo("logger") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--server", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tcp" }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("logger did not start (util-linux bsdutils)");
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"logger exited {process.ExitCode}: {await stderr}");
    }

    /// <summary>Reads the topic back with kcat until <paramref name="count"/> messages are there.</summary>
    private async Task<List<InboundMessage>> WaitForMessagesAsync(int count, TimeSpan timeout, RsyslogProcess rsyslog)
    {
        var deadline = DateTime.UtcNow + timeout;
        var messages = new List<InboundMessage>();
        while (DateTime.UtcNow < deadline)
        {
            var dump = await Kcat.RunAsync($"-b {_fixture.Bootstrap} -t {Topic} -C -J -e -o beginning -q", timeoutSeconds: 30);
            messages = [.. dump.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ToInbound)];
            if (messages.Count >= count)
            {
                return messages;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{messages.Count} of {count} messages reached {Topic} in {timeout}; rsyslogd said: {rsyslog.Output}");
    }

    private static InboundMessage ToInbound(string line)
    {
        var envelope = JsonDocument.Parse(line).RootElement;
        var payload = Encoding.UTF8.GetBytes(envelope.GetProperty("payload").GetString() ?? string.Empty);
        DateTimeOffset? timestamp = envelope.TryGetProperty("ts", out var ts) && ts.GetInt64() > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ts.GetInt64()) : null;
        return new InboundMessage(Topic, envelope.GetProperty("partition").GetInt32(), envelope.GetProperty("offset").GetInt64(), payload, InboundMessage.NoHeaders, timestamp);
    }
}
