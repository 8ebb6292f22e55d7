using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AIOps.IntegrationTests.Support;

/// <summary>
/// A real rsyslogd (Debian rsyslog + rsyslog-kafka) run by the test with its own config, pid file and work
/// directory: imtcp on a free loopback port, omkafka to the given brokers and topic with one of rsyslog's built-in
/// templates. Fails (never skips) when rsyslogd or omkafka is not installed; the process is killed on dispose.
/// </summary>
internal sealed class RsyslogProcess : IDisposable
{
    private const string Rsyslogd = "/usr/sbin/rsyslogd";
    private static readonly string[] OmkafkaCandidates = ["/usr/lib/x86_64-linux-gnu/rsyslog/omkafka.so", "/usr/lib/aarch64-linux-gnu/rsyslog/omkafka.so", "/usr/lib/rsyslog/omkafka.so"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private RsyslogProcess(Process process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        Port = port;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The TCP port rsyslog listens on (127.0.0.1).</summary>
    public int Port { get; }

    public string Directory { get; }

    public string Output { get { lock (_gate) { return _output.ToString(); } } }

    /// <summary>Starts rsyslogd and waits until its TCP input accepts connections.</summary>
    public static async Task<RsyslogProcess> StartAsync(string bootstrap, string topic, string template)
    {
        if (!File.Exists(Rsyslogd) || !OmkafkaCandidates.Any(File.Exists))
        {
            throw new InvalidOperationException("rsyslogd with omkafka is not installed (apt-get install rsyslog rsyslog-kafka); this test needs it.");
        }

        return await LoopbackPorts.RetryWhenTakenAsync(() => StartOnFreePortAsync(bootstrap, topic, template));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static async Task<RsyslogProcess> StartOnFreePortAsync(string bootstrap, string topic, string template)
    {
        var directory = Path.Combine(Path.GetTempPath(), "aiops-rsyslog-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "work"));
        var port = LoopbackPorts.Next();
        var brokers = string.Join(", ", bootstrap.Split(',').Select(b => $"\"{b}\""));
        var config = $"""
            global(workDirectory="{directory}/work")
            module(load="imtcp")
            module(load="omkafka")
            input(type="imtcp" address="127.0.0.1" port="{port}")
            action(type="omkafka" broker=[{brokers}] topic="{topic}" template="{template}"
                   confParam=["queue.buffering.max.ms=5", "socket.timeout.ms=10000"])
            """;
        var configPath = Path.Combine(directory, "rsyslog.conf");
        await File.WriteAllTextAsync(configPath, config);
        var info = new ProcessStartInfo(Rsyslogd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-n", "-f", configPath, "-i", Path.Combine(directory, "rsyslogd.pid") })
        {
            info.ArgumentList.Add(argument);
        }

        var rsyslog = new RsyslogProcess(Process.Start(info) ?? throw new InvalidOperationException("rsyslogd did not start"), directory, port);
        try
        {
            await rsyslog.WaitForInputAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            rsyslog.Dispose();
            throw;
        }

        return rsyslog;
    }

    private async Task WaitForInputAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"rsyslogd exited with {_process.ExitCode}: {Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                // rsyslogd keeps running when imtcp cannot bind; then whatever took the port answered.
                if (LoopbackPorts.IsAddressInUse(Output))
                {
                    throw new InvalidOperationException($"rsyslogd could not listen on 127.0.0.1:{Port}: {Output}");
                }

                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"rsyslogd did not open 127.0.0.1:{Port} in {timeout}: {Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
